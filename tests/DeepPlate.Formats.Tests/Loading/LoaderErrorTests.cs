namespace DeepPlate.Formats.Tests.Loading;

/// <summary>A broken data file is refused with a message that names the file and the key.</summary>
public sealed class LoaderErrorTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-formats-").FullName;

    private const string Valid = """
        {
          // a minimal country
          "code": "xx",
          "name": "Testland",
          "letters": "A-Z!IOQ",
          "lists": { "region": { "entries": ["AB", "CD", "C"], "weights": { "AB": 3 } } },
          "plate": { "widthMm": 520, "heightMm": 110, "background": "#FFFFFF", "text": "#000000", "border": null },
          "typeface": { "name": "Test", "font": "test", "heightMm": 75, "widthMm": 45 },
          "templates": [
            { "id": "main", "name": "Main", "pattern": "<region>-LL DDD", "example": "AB-CD 123",
              "status": "current", "weight": 1, "source": "test",
              "notIssued": [ { "regex": " 000$", "why": "not issued: 000", "prior": 0.05 } ] },
          ],
        }
        """;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private FormatRegistry LoadWith(string content, string name = "xx")
    {
        File.WriteAllText(Path.Combine(dir, name + ".jsonc"), content);
        return FormatRegistry.Load(dir);
    }

    [Fact]
    public void A_valid_file_with_comments_and_trailing_commas_loads()
    {
        var r = LoadWith(Valid);
        var check = r.Check("xx", "c cd 123");
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("C-CD 123", check.Canonical);
        var rare = r.Check("xx", "AB-CD 000");
        Assert.True(rare.IsValid, rare.Reason);
        Assert.Equal(["not issued: 000"], rare.Notes);
        Assert.Equal(0.05, rare.Prior);
        Assert.Equal(1.0, check.Prior);
        Assert.Equal("'I' is not used on plates of Testland", r.Check("xx", "AB-IO 123").Reason);
        Assert.Equal("closest template main (Main), e.g. AB-CD 123: character 4 '1' should be a letter other than I, O, Q",
            r.Check("xx", "AB-C1 123").Reason);
        Assert.Equal("'AD' is not a known region of Testland", r.Check("xx", "AD-CD 123").Reason);
        Assert.Equal("the separators do not fit; as AB-CD 123 it would be main (Main)", r.Check("xx", "AB-C D123").Reason);
        Assert.Equal("5 characters, but plates of Testland have 6 to 7", r.Check("xx", "ABCD1").Reason);
    }

    [Theory]
    [InlineData("\"pattern\": \"<region>-LL DDD\"", "\"pattern\": \"<regio>-LL DDD\"", "templates[0].pattern", "no set or list named 'regio'")]
    [InlineData("\"example\": \"AB-CD 123\"", "\"example\": \"AB-CI 123\"", "templates[0].example", "does not fit")]
    [InlineData("\"example\": \"AB-CD 123\"", "\"example\": \"ABCD123\"", "templates[0].example", "as printed: 'AB-CD 123'")]
    [InlineData("\"status\": \"current\"", "\"status\": \"now\"", "templates[0].status", "current or legacy")]
    [InlineData("\"weight\": 1", "\"weight\": 0", "templates[0].weight", "greater than 0")]
    [InlineData("\"background\": \"#FFFFFF\"", "\"background\": \"white\"", "plate.background", "colour")]
    [InlineData("\"heightMm\": 75", "\"heigthMm\": 75", "typeface.heightMm", "is required")]
    [InlineData("\"heightMm\": 75", "\"heightMm\": 75, \"serifI\": 1.5", "typeface.serifI", "a share from 0 to 1")]
    [InlineData("\"heightMm\": 75", "\"heightMm\": 75, \"spread\": -0.5", "typeface.spread", "a share of the room from 0 to 1")]
    [InlineData("\"source\": \"test\"", "\"source\": \"test\", \"wieght\": 2", "templates[0].wieght", "unknown key")]
    [InlineData("\"regex\": \" 000$\"", "\"regex\": \"(\"", "templates[0].notIssued[0].regex", "")]
    [InlineData("\"prior\": 0.05", "\"prior\": 0", "templates[0].notIssued[0].prior", "more than 0")]
    [InlineData("\"prior\": 0.05", "\"prior\": 1.5", "templates[0].notIssued[0].prior", "at most 1")]
    [InlineData("\"weights\": { \"AB\": 3 }", "\"weights\": { \"ZZ\": 3 }", "lists.region.weights.ZZ", "not an entry")]
    [InlineData("\"code\": \"xx\"", "\"code\": \"yy\"", "code", "file name")]
    [InlineData("\"code\": \"xx\"", "\"code\": \"xx\", \"prior\": \"uniform\"", "prior", "\"issued\" or \"drawn\"")]
    public void Errors_name_the_file_and_the_key(string from, string to, string key, string problem)
    {
        Assert.Contains(from, Valid);
        var e = Assert.Throws<FormatFileException>(() => LoadWith(Valid.Replace(from, to)));
        Assert.Equal("formats/xx.jsonc", e.File);
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        var e = Assert.Throws<FormatFileException>(() => LoadWith(Valid.Replace("\"name\": \"Testland\",", "\"name\": \"Testland\" \"oops\",")));
        Assert.Contains("line 4", e.Message);
    }

    [Fact]
    public void A_state_folder_without_its_country_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(dir, "zz"));
        var e = Assert.Throws<FormatFileException>(() => LoadWith(Valid));
        Assert.Contains("zz", e.Message);
    }
}
