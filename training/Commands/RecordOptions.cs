using System.CommandLine;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace DeepPlate.Training.Commands;

/// <summary>
/// Exposes every property of an options record (e.g. <see cref="TrainOptions"/>) as a kebab-case command-line option
/// with its description and default, so options are declared once, in the record. Values are parsed with the
/// invariant culture; an unknown option is an error of the parser, a malformed value an <see cref="ArgumentException"/>.
/// </summary>
public sealed class RecordOptions<T> where T : class
{
    private readonly List<(PropertyInfo Property, Option<string> Option)> options = [];

    public RecordOptions(T defaults, IReadOnlySet<string>? required = null)
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!Settable(property)) continue;
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
            var value = property.GetValue(defaults);
            if (value is not null && !(value is string s && s.Length == 0)) description += $" (default: {Format(value)})";
            var name = required?.Contains(property.Name) == true;
            options.Add((property, new Option<string>("--" + KebabCase(property.Name)) { Description = description, Required = name }));
        }
    }

    public IEnumerable<Option> All => options.Select(o => (Option)o.Option);

    /// <summary>The option of a property, e.g. to add to its description what an attribute cannot hold.</summary>
    public Option<string> For(string property) => options.Single(o => o.Property.Name == property).Option;

    /// <summary>The defaults with every option the user gave applied.</summary>
    public T Bind(ParseResult result, T defaults)
    {
        var bound = Clone(defaults);
        foreach (var (property, option) in options)
        {
            var text = result.GetValue(option);
            if (text is null) continue;
            property.SetValue(bound, Parse(text, property.PropertyType, option.Name));
        }
        return bound;
    }

    /// <summary>The names (property names) of the options the user gave.</summary>
    public IReadOnlyList<string> Given(ParseResult result) =>
        [.. options.Where(o => result.GetValue(o.Option) is not null).Select(o => o.Property.Name)];

    /// <summary>One line per option, for printing the resolved settings at the start of a run.</summary>
    public static string Describe(T value)
    {
        var text = new StringBuilder();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!Settable(property)) continue;
            text.Append("  --").Append(KebabCase(property.Name)).Append(' ').AppendLine(Format(property.GetValue(value)) ?? "(none)");
        }
        return text.ToString();
    }

    /// <summary>The options in which <paramref name="value"/> differs from <paramref name="defaults"/>, as
    /// <c>--name value</c>: the command line that makes the same settings.</summary>
    public static IReadOnlyList<string> Differences(T value, T defaults)
    {
        var given = new List<string>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!Settable(property)) continue;
            var mine = Format(property.GetValue(value));
            if (mine != Format(property.GetValue(defaults))) given.Add($"--{KebabCase(property.Name)} {mine ?? "(none)"}");
        }
        return given;
    }

    /// <summary>An option: settable and not marked <c>[Browsable(false)]</c> (a record written by the program itself).</summary>
    private static bool Settable(PropertyInfo property) =>
        property.SetMethod is not null && property.GetCustomAttribute<BrowsableAttribute>()?.Browsable != false;

    public static string KebabCase(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static object Parse(string text, Type type, string option)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = CultureInfo.InvariantCulture;
        object? value = target switch
        {
            _ when target == typeof(string) => text,
            _ when target == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when target == typeof(long) => long.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, invariant, out var l) ? l : null,
            _ when target == typeof(ulong) => ulong.TryParse(text, NumberStyles.Integer, invariant, out var u) ? u : null,
            _ when target == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? d : null,
            _ when target == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ => throw new NotSupportedException($"{option}: options of type {target.Name} are not supported"),
        };
        return value ?? throw new ArgumentException($"{option}: '{text}' is not a valid {target.Name.ToLowerInvariant()}");
    }

    // Records have a compiler-generated copy method; using it keeps every other value of the defaults.
    private static T Clone(T value) =>
        (T)(typeof(T).GetMethod("<Clone>$")?.Invoke(value, null) ?? throw new NotSupportedException($"{typeof(T).Name} is not a record"));
}
