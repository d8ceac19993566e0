using System.Text.Json.Nodes;

namespace DeepPlate.Formats;

/// <summary>Overrides (state over country, template over state) merge key by key, objects recursively.</summary>
internal static class JsonMerge
{
    public static JsonObject Merge(JsonObject? under, JsonObject? over)
    {
        var result = under?.DeepClone().AsObject() ?? [];
        if (over is null) return result;
        foreach (var (key, value) in over)
        {
            if (value is JsonObject o && result[key] is JsonObject existing) result[key] = Merge(existing, o);
            else result[key] = value?.DeepClone();
        }
        return result;
    }
}
