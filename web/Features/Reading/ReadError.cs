namespace DeepPlate.Web.Features.Reading;

/// <summary>The body of every refused request: what went wrong, in plain words (<c>{ "error": "..." }</c>).</summary>
public sealed record ReadError(string Error);

/// <summary>A request refused before or while reading: its status code and plain-words message.</summary>
public sealed class ReadRefusedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
