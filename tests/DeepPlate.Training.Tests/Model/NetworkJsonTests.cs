using System.Text.Json;

namespace DeepPlate.Training.Tests.Model;

/// <summary>The written form of a network: legible, read back to the same network, and refused with a reason.</summary>
public sealed class NetworkJsonTests
{
    private static readonly NetworkSpec Odd = new(48, 96,
        [new ConvBlock(6, Kernel: 5), new Pool(2, 2), new ConvBlock(10), new Pool(3, 2), new Pool(2, 3), new ConvBlock(5, Kernel: 1)],
        0.35, Slots: 7, Classes: 23);

    [Fact]
    public void The_standard_network_is_written_one_layer_a_line()
    {
        var text = NetworkJson.Write(NetworkSpec.Standard(32, 128, slots: 8, classes: 40));
        Assert.Equal("""
            {
              "version": 1,
              "input": {"height": 32, "width": 128},
              "layers": [
                {"kind": "conv", "channels": 32, "kernel": 3},
                {"kind": "pool", "height": 2, "width": 2},
                {"kind": "conv", "channels": 64, "kernel": 3},
                {"kind": "pool", "height": 2, "width": 2},
                {"kind": "conv", "channels": 96, "kernel": 3},
                {"kind": "conv", "channels": 96, "kernel": 3},
                {"kind": "pool", "height": 2, "width": 2},
                {"kind": "conv", "channels": 128, "kernel": 3},
                {"kind": "conv", "channels": 128, "kernel": 3},
                {"kind": "pool", "height": 2, "width": 1},
                {"kind": "conv", "channels": 64, "kernel": 1}
              ],
              "dropout": 0.2,
              "head": {"kind": "slots", "slots": 8, "classes": 40}
            }

            """, text);
    }

    [Fact]
    public void Both_forms_read_back_to_the_same_network()
    {
        var compact = NetworkJson.Write(Odd, indented: false);
        Assert.DoesNotContain('\n', compact);
        Assert.Equal(Odd, NetworkJson.Parse(compact, "x"));
        Assert.Equal(Odd, NetworkJson.Parse(NetworkJson.Write(Odd), "x"));
        Assert.NotEqual(Odd, Odd with { Layers = [.. Odd.Layers.SkipLast(1)] });
    }

    [Fact]
    public void The_head_kind_is_written_and_read_back()
    {
        var attention = Odd with { Head = HeadKind.Attention };
        var text = NetworkJson.Write(attention);
        Assert.Contains("\"head\": {\"kind\": \"attention\", \"slots\": 7, \"classes\": 23}", text);
        Assert.Equal(attention, NetworkJson.Parse(text, "x"));
        Assert.NotEqual(Odd, attention);
    }

    [Fact]
    public void An_attention_head_of_more_layers_says_how_many_and_one_layer_is_written_as_before()
    {
        var deeper = Odd with { Head = HeadKind.Attention, HeadLayers = 2 };
        var text = NetworkJson.Write(deeper);
        Assert.Contains("\"head\": {\"kind\": \"attention\", \"layers\": 2, \"slots\": 7, \"classes\": 23}", text);
        Assert.Equal(deeper, NetworkJson.Parse(text, "x"));
        Assert.NotEqual(deeper, deeper with { HeadLayers = 1 });
        Assert.DoesNotContain("layers\": 1", NetworkJson.Write(deeper with { HeadLayers = 1 }));

        var zero = Assert.Throws<InvalidDataException>(() => NetworkJson.Parse(text.Replace("\"layers\": 2", "\"layers\": 0"), "mine.json"));
        Assert.Equal("mine.json: head: 'layers' must be a positive whole number, not 0", zero.Message);
        var slots = NetworkJson.Write(Odd).Replace("\"kind\": \"slots\",", "\"kind\": \"slots\", \"layers\": 2,");
        var e = Assert.Throws<InvalidDataException>(() => NetworkJson.Parse(slots, "mine.json"));
        Assert.Equal("mine.json: head has an unknown key 'layers' (expected kind, slots, classes)", e.Message);
    }

    [Fact]
    public void A_checkpoint_holds_its_network_in_the_same_form_and_old_checkpoints_hold_none()
    {
        var state = new CheckpointState(3, 96, 1.5, 0.1, 0, Odd);
        var json = JsonSerializer.Serialize(state);
        Assert.Contains("\"Network\":{\"version\":1,\"input\":{\"height\":48,\"width\":96},", json);
        Assert.Equal(state, JsonSerializer.Deserialize<CheckpointState>(json));

        var old = JsonSerializer.Deserialize<CheckpointState>("""{"Step": 3, "Samples": 96, "Seconds": 1.5, "ValidationCharAccuracy": 0.1, "ValidationPlateAccuracy": 0}""");
        Assert.Null(old!.Network);
    }

    [Fact]
    public void A_hand_written_file_may_hold_comments_and_trailing_commas()
    {
        var text = NetworkJson.Write(Odd).Replace("\"layers\": [", "// mine\n  \"layers\": [").Replace("\n  ],", ",\n  ],");
        Assert.Equal(Odd, NetworkJson.Parse(text, "mine.json"));
    }

    [Theory]
    [InlineData("not json", "mine.json: not a network description")]
    [InlineData("[]", "mine.json: the network is not an object")]
    [InlineData("""{"kind": "conv", "channels": 32, "kernel": 3}""", "mine.json: the network has an unknown key 'kind'")]
    [InlineData("VERSION", "mine.json: version 2 is not one this DeepPlate reads (it reads 1)")]
    [InlineData("DROP-HEAD", "mine.json: the network has no 'head'")]
    [InlineData("CTC", "mine.json: the head is of kind 'ctc'; this DeepPlate knows slots and attention")]
    [InlineData("LSTM", "mine.json: layer 2 is of kind 'lstm'; this DeepPlate knows conv and pool")]
    [InlineData("EVEN", "mine.json: layer 0: the kernel must be odd, not 4")]
    [InlineData("ZERO", "mine.json: layer 2: 'channels' must be a positive whole number, not 0")]
    [InlineData("EXTRA", "mine.json: layer 1 has an unknown key 'stride' (expected kind, height, width)")]
    [InlineData("INDIVISIBLE", "mine.json: a 2x3 pooling does not divide a 8x25 feature map")]
    [InlineData("DROPOUT", "mine.json: 'dropout' must be a number in [0, 1)")]
    public void A_bad_description_is_refused_with_its_fault(string edit, string message)
    {
        var good = NetworkJson.Write(Odd);
        var text = edit switch
        {
            "VERSION" => good.Replace("\"version\": 1", "\"version\": 2"),
            "DROP-HEAD" => good.Replace(",\n  \"head\": {\"kind\": \"slots\", \"slots\": 7, \"classes\": 23}", ""),
            "CTC" => good.Replace("\"kind\": \"slots\"", "\"kind\": \"ctc\""),
            "LSTM" => good.Replace("{\"kind\": \"conv\", \"channels\": 10, \"kernel\": 3}", "{\"kind\": \"lstm\", \"units\": 10}"),
            "EVEN" => good.Replace("\"kernel\": 5", "\"kernel\": 4"),
            "ZERO" => good.Replace("\"channels\": 10", "\"channels\": 0"),
            "EXTRA" => good.Replace("{\"kind\": \"pool\", \"height\": 2, \"width\": 2}", "{\"kind\": \"pool\", \"height\": 2, \"width\": 2, \"stride\": 1}"),
            "INDIVISIBLE" => good.Replace("\"width\": 96", "\"width\": 100"),
            "DROPOUT" => good.Replace("\"dropout\": 0.35", "\"dropout\": 1"),
            _ => edit,
        };
        Assert.NotEqual(good, text);
        var e = Assert.Throws<InvalidDataException>(() => NetworkJson.Parse(text, "mine.json"));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void The_parameter_count_is_the_built_networks()
    {
        using var odd = new PlateNet(Odd);
        Assert.Equal(odd.ParameterCount(), Odd.ParameterCount());
        var standard = NetworkSpec.Standard(32, 128, slots: 8, classes: 40);
        using var net = new PlateNet(standard);
        Assert.Equal(net.ParameterCount(), standard.ParameterCount());
        var attention = standard with { Head = HeadKind.Attention };
        using var withAttention = new PlateNet(attention);
        Assert.Equal(withAttention.ParameterCount(), attention.ParameterCount());
        Assert.True(attention.ParameterCount() < standard.ParameterCount() / 2, "the shared head is the smaller one");
        var deeper = attention with { HeadLayers = 3 };
        using var withDeeper = new PlateNet(deeper);
        Assert.Equal(withDeeper.ParameterCount(), deeper.ParameterCount());
        Assert.True(deeper.ParameterCount() > attention.ParameterCount());
    }

    [Fact]
    public void A_standard_network_is_described_by_its_width_any_other_by_its_layers()
    {
        Assert.Equal("width 16", NetworkSpec.Standard(32, 128, 8, 40, width: 16).Describe());
        Assert.Equal("c6k5 p2x2 c10 p3x2 p2x3 c5k1, dropout 0.35", Odd.Describe());
        Assert.Equal("width 32, attention head", (NetworkSpec.Standard(32, 128, 8, 40) with { Head = HeadKind.Attention }).Describe());
        Assert.Equal("c6k5 p2x2 c10 p3x2 p2x3 c5k1, dropout 0.35, attention head", (Odd with { Head = HeadKind.Attention }).Describe());
        Assert.Equal("width 32, attention head of 2 layers", (NetworkSpec.Standard(32, 128, 8, 40) with { Head = HeadKind.Attention, HeadLayers = 2 }).Describe());
    }
}
