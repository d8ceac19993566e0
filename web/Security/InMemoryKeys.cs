using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DeepPlate.Web.Security;

/// <summary>
/// The data-protection key ring (it protects the antiforgery tokens) held in memory only. ASP.NET's default
/// writes keys under ~/.aspnet/DataProtection-Keys, and even the "ephemeral" provider leaves its key manager's
/// start-up service to do so; the reader writes no file at all. A restart makes open pages' tokens invalid
/// (the page says to reload). Issue 8, with several instances behind one address, needs a shared repository.
/// </summary>
public sealed class InMemoryKeys : IXmlRepository
{
    private readonly List<XElement> elements = [];
    private readonly Lock gate = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (gate) return [.. elements.Select(e => new XElement(e))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (gate) elements.Add(new XElement(element));
    }
}
