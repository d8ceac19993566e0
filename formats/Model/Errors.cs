namespace DeepPlate.Formats;

/// <summary>A data file is malformed; the message names the file and the key.</summary>
public sealed class FormatFileException(string file, string key, string problem)
    : Exception(key.Length == 0 ? $"{file}: {problem}" : $"{file}: {key}: {problem}")
{
    public string File { get; } = file;

    public string Key { get; } = key;
}

public sealed class UnknownCountryException(string code, IEnumerable<string> known)
    : ArgumentException($"unknown country '{code}'; known: {string.Join(", ", known)}");

public sealed class UnknownStateException(CountryFormat country, string code)
    : ArgumentException(country.HasStates
        ? $"unknown state '{code}' of {country.Name}; known: {string.Join(", ", country.States.Select(s => s.Code))}"
        : $"{country.Name} has no states");

public sealed class UnknownTemplateException(CountryFormat country, string id)
    : ArgumentException($"unknown format '{id}' of {country.Name}; known: {string.Join(", ", country.Templates.Select(t => t.QualifiedId))}");
