namespace DeepPlate.Formats;

/// <summary>One element of a template's pattern: characters, a list token, or a gap between groups.</summary>
public abstract record PatternElement;

/// <summary><see cref="Min"/> to <see cref="Max"/> characters, each from <see cref="Set"/>.</summary>
public sealed record CharSlot(CharSet Set, int Min, int Max) : PatternElement;

/// <summary>One token from a closed list (German district codes, UK age identifiers).</summary>
public sealed record ListSlot(TokenList List) : PatternElement;

/// <summary>A separator between groups.</summary>
public sealed record Gap(GapKind Kind) : PatternElement;

public enum GapKind
{
    /// <summary>A printed hyphen.</summary>
    Hyphen,
    /// <summary>A plain gap.</summary>
    Space,
    /// <summary>A wide gap holding seals or stickers.</summary>
    Seal,
    /// <summary>A gap holding a small printed emblem.</summary>
    Emblem,
}
