using System.Xml.Linq;
using DeepPlate.Web.Access;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DeepPlate.Web.Security;

/// <summary>
/// The data-protection key ring (it protects the login cookie and the antiforgery tokens) kept in the access
/// database, table <c>data_protection_keys</c>: a restart keeps everyone logged in, and every instance sharing the
/// database (PostgreSQL behind a load balancer) reads the same keys, so any of them accepts a cookie another made.
/// ASP.NET's default would write under ~/.aspnet/DataProtection-Keys. The keys are stored unencrypted, like ASP.NET's
/// file store: the database already holds the password hashes and must be protected anyway.
/// <para>The interface is synchronous; ASP.NET calls it rarely (when the key ring is first needed, then about once
/// a day, and on a key it does not know yet), so blocking on the query there costs nothing.</para>
/// </summary>
public sealed class DatabaseKeys(AccessDatabase db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => GetAllAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> GetAllAsync()
    {
        await using var connection = await db.OpenAsync();
        return await connection.QueryAsync(null, "SELECT xml FROM data_protection_keys ORDER BY id", r => XElement.Parse(r.Text("xml")));
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var connection = await db.OpenAsync();
        await using var transaction = await db.BeginWriteAsync(connection);
        await connection.ExecuteAsync(transaction, "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml)",
            ("name", friendlyName), ("xml", element.ToString(SaveOptions.DisableFormatting)));
        await transaction.CommitAsync();
    }
}
