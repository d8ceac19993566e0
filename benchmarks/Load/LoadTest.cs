using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using DeepPlate.Formats;
using DeepPlate.Synth;
using SkiaSharp;

namespace DeepPlate.Benchmarks.Load;

/// <summary>
/// A closed-loop load test of the hosted reader's <c>POST /api/read</c> over loopback: N clients, each sending its
/// next read as soon as the previous one answered, for a fixed time after a warm-up. Reports reads per second,
/// latency percentiles and, given the server's process id, its peak resident memory (VmHWM).
/// <code>dotnet run -c Release --project benchmarks -- load --url http://127.0.0.1:5080 --clients 16 --seconds 30 --server-pid PID</code>
/// The pictures are synthetic scenes (a pure function of the index), so two runs send the same requests.
/// </summary>
public static class LoadTest
{
    public sealed record Settings(Uri Url, int Clients, double Seconds, double WarmupSeconds, string Country, int Pictures, int? ServerPid, string? Token);

    public static async Task<int> Run(string[] args)
    {
        Settings s;
        try
        {
            s = Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("usage: load --url URL [--clients 16] [--seconds 30] [--warmup 5] [--country de] [--pictures 64] [--server-pid PID] [--token BEARER]");
            return 2;
        }

        var pictures = Pictures(s.Country, s.Pictures);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = s.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = s.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (s.Token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", s.Token);

        Console.WriteLine($"warming up {s.WarmupSeconds} s, then {s.Clients} clients for {s.Seconds} s against {s.Url}api/read ({s.Country}, {pictures.Count} pictures)");
        await Phase(http, pictures, s, s.WarmupSeconds);
        var (latencies, failures, elapsed) = await Phase(http, pictures, s, s.Seconds);

        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"reads: {latencies.Count} ok, {failures.Count} failed in {elapsed:F1} s = {latencies.Count / elapsed:F1} reads/s"));
        Console.WriteLine(string.Create(inv, $"latency ms: p50 {P(0.50):F1}, p90 {P(0.90):F1}, p99 {P(0.99):F1}, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):F1}"));
        foreach (var group in failures.GroupBy(f => f).OrderByDescending(g => g.Count()).Take(5)) Console.WriteLine($"  failure x{group.Count()}: {group.Key}");
        if (s.ServerPid is { } pid) Console.WriteLine($"server {pid}: {Memory(pid)}");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<(List<double> Latencies, List<string> Failures, double Seconds)> Phase(HttpClient http, IReadOnlyList<(byte[] Png, string Corners)> pictures, Settings s, double seconds)
    {
        var latencies = new List<double>();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        var next = -1;
        async Task Client()
        {
            while (clock.Elapsed < end)
            {
                var (png, corners) = pictures[(int)((uint)Interlocked.Increment(ref next) % pictures.Count)];
                using var form = new MultipartFormDataContent
                {
                    { new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "image", "plate.png" },
                    { new StringContent(corners), "corners" },
                    { new StringContent(s.Country), "country" },
                };
                var started = Stopwatch.GetTimestamp();
                string? failure = null;
                try
                {
                    using var response = await http.PostAsync("api/read", form);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) failure = $"HTTP {(int)response.StatusCode}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failure = e.GetType().Name + ": " + e.Message;
                }
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    if (failure is null) latencies.Add(ms);
                    else failures.Add(failure);
                }
            }
        }
        var clients = new Task[s.Clients];
        for (var i = 0; i < clients.Length; i++) clients[i] = Task.Run(Client);
        await Task.WhenAll(clients);
        return (latencies, failures, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Synthetic scenes of mid difficulty as PNG files, with the corners a user clicked.</summary>
    private static List<(byte[] Png, string Corners)> Pictures(string country, int count)
    {
        using var generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);
        var list = new List<(byte[], string)>(count);
        for (var i = 0; list.Count < count; i++)
        {
            using var plate = generator.Generate(country, null, 0x4C4F4144, i, 0.5);
            var c = plate.Clicked;
            var inside = true;
            foreach (var p in c) inside &= p.X >= 0 && p.Y >= 0 && p.X <= plate.Scene.Width && p.Y <= plate.Scene.Height;
            if (!inside) continue;
            using var bitmap = GreyImageIO.ToBitmap(plate.Scene);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            list.Add((data.ToArray(), string.Create(CultureInfo.InvariantCulture, $"{c[0].X:F1},{c[0].Y:F1} {c[1].X:F1},{c[1].Y:F1} {c[2].X:F1},{c[2].Y:F1} {c[3].X:F1},{c[3].Y:F1}")));
        }
        return list;
    }

    private static string Memory(int pid)
    {
        try
        {
            var fields = new List<string>();
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal) || line.StartsWith("VmRSS:", StringComparison.Ordinal)) fields.Add(string.Join(' ', line.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
            }
            return string.Join(", ", fields) + " (VmHWM: peak resident memory since start)";
        }
        catch (IOException e)
        {
            return $"memory unknown ({e.Message})";
        }
    }

    private static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"unexpected '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        string Get(string key, string fallback) => values.Remove(key, out var v) ? v : fallback;
        int Int(string key, int fallback) => int.TryParse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"--{key} must be a positive whole number");
        double Double(string key, double fallback) => double.TryParse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new ArgumentException($"--{key} must be a non-negative number");
        var url = Get("url", "");
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) || !uri.IsLoopback)
            throw new ArgumentException("--url must be an http URL on this machine (loopback only)");
        var pid = values.ContainsKey("server-pid") ? Int("server-pid", 1) : (int?)null;
        var token = values.Remove("token", out var t) ? t : null;
        var settings = new Settings(uri, Int("clients", 16), Double("seconds", 30), Double("warmup", 5), Get("country", "de"), Int("pictures", 64), pid, token);
        if (values.Count > 0) throw new ArgumentException($"unknown option --{values.Keys.First()}");
        return settings;
    }
}
