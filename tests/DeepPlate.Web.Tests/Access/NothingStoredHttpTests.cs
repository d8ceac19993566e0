using System.Net;
using System.Text.Json;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>
/// After reads through both endpoints (successes and failures), every table of the database is dumped: only the
/// count of uses and the audit rows changed, and no cell holds a plate's text, the user's own reading, or picture data.
/// </summary>
public sealed class NothingStoredHttpTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task After_reads_only_the_count_and_audit_rows_change_and_no_table_holds_a_plate_or_a_picture(string kind)
    {
        var settings = new Dictionary<string, string?> { ["Limits:ReadsPerWindow"] = "0" };
        if (kind == "postgres") settings["Access:Postgres"] = await PostgresServer.CreateDatabaseAsync();
        using var app = new ReaderApp(settings);
        var db = app.Get<AccessDatabase>();
        using var page = await PageSession.Open(app); // the test reader, by HTTP Basic
        var (png, corners) = Plates.Scene(minLength: 7);
        var before = await TestStore.DumpAsync(db);

        var plates = new List<string>();
        var api = await page.Client.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de"));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        plates.AddRange(Candidates(JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement));
        using var form = Plates.Form(png, Plates.Text(corners), "de");
        form.Add(new StringContent("QX ZZ 9876"), "examinerReading");
        var read = await page.Read(form);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        plates.AddRange(Candidates(JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("reading")));
        Assert.Equal(HttpStatusCode.BadRequest, (await page.Client.PostAsync("/api/read", Plates.Form([1, 2, 3], null, "de"))).StatusCode);
        var after = await TestStore.DumpAsync(db);

        Assert.Equal(["audit", "usage"], TestStore.ChangedTables(before, after));
        Assert.Equal(2, after["audit"].Count - before["audit"].Count);
        Assert.All(after["audit"].Skip(before["audit"].Count), row => Assert.Equal("de", row[^1]));
        // Plates with a letter and at least four characters: a number alone could turn up in a time stamp by chance.
        var secrets = plates.Select(p => p.Replace(" ", "")).Where(p => p.Length >= 4 && p.Any(char.IsAsciiLetterUpper)).Append("QXZZ9876").Distinct().ToList();
        Assert.True(secrets.Count >= 6, string.Join("|", secrets));
        var pictureStart = Convert.ToBase64String(png.AsSpan(0, 12));
        foreach (var (table, rows) in after)
        {
            foreach (var row in rows)
            {
                // The password hash is checked to be one (Identity's format, marker byte 1), not searched for text.
                var cells = table == "users" ? row.Where((_, i) => i != 3) : row;
                if (table == "users") Assert.Equal(1, Convert.FromBase64String(row[3])[0]);
                foreach (var cell in cells)
                {
                    Assert.DoesNotContain(secrets, s => cell.Replace(" ", "").Contains(s, StringComparison.Ordinal));
                    Assert.NotEqual("System.Byte[]", cell);
                    Assert.DoesNotContain(pictureStart, cell);
                    // Nothing long: no picture, result or report could hide in under 100 characters. The one long
                    // value allowed is a data-protection key, as ASP.NET writes it (a <key> element of its own schema).
                    if (table == "data_protection_keys" && cell.StartsWith('<'))
                        Assert.Equal("key", System.Xml.Linq.XElement.Parse(cell).Name.LocalName);
                    else
                        Assert.True(cell.Length < 100, $"{table}: {cell}");
                }
            }
        }
    }

    private static IEnumerable<string> Candidates(JsonElement reading) =>
        reading.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("plate").GetString()!);
}
