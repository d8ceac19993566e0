using DeepPlate.Inference;
using DeepPlate.Web.Hosting;
using Microsoft.Extensions.Options;

namespace DeepPlate.Web.Features.Reading;

/// <summary>
/// How many pixels may be decoded at once, all reads together (<see cref="WebLimits.DecodeMegapixels"/>): a decoded
/// picture costs 4 bytes a pixel (a 49-megapixel photo 200 MB) however small its file, so sixteen of them at once
/// would need 3 GB. A read takes its picture's megapixels (from the header, before decoding) from the budget for as
/// long as the picture lives. Large pictures wait in order of arrival while the budget is spent; a small picture
/// (under 8 megapixels) passes at once whenever there is room, even past a large one that waits, so the common case
/// never queues behind a photo. When a large picture is released its memory is handed back to the system (an
/// aggressive collection) before the next one is let in, so garbage cannot pile up and the process shrinks again
/// after the load instead of keeping its peak.
/// </summary>
public sealed class DecodeBudget
{
    /// <summary>Pictures from this size on are "large": they queue, and their release may return memory.</summary>
    private const int LargeMegapixels = 8;

    private readonly Lock gate = new();
    private readonly LinkedList<(int Cost, TaskCompletionSource Ready)> waiting = new();
    private long free;

    public DecodeBudget(IOptions<WebLimits> limits)
    {
        Capacity = Math.Max(limits.Value.DecodeMegapixels, (int)Math.Ceiling(PlateImage.MaxPixels / 1e6));
        free = Capacity;
    }

    /// <summary>The budget in megapixels (never less than the largest picture accepted, or such a picture would wait forever).</summary>
    public int Capacity { get; }

    /// <summary>Megapixels taken now.</summary>
    public long InFlight
    {
        get
        {
            lock (gate) return Capacity - free;
        }
    }

    /// <summary>The cost of a file: its header's megapixels, rounded up, at least 1; a header that cannot be read
    /// early costs the largest accepted picture (decoding will say what is wrong with it).</summary>
    public static int Cost(ReadOnlySpan<byte> file) =>
        (int)Math.Max(1, Math.Ceiling((PlateImage.PixelsFromHeader(file) ?? PlateImage.MaxPixels) / 1e6));

    /// <summary>Waits until <paramref name="cost"/> megapixels are free and takes them; dispose the ticket to give them back.</summary>
    public async Task<IAsyncDisposable> TakeAsync(int cost, CancellationToken cancel)
    {
        cost = Math.Clamp(cost, 1, Capacity);
        LinkedListNode<(int Cost, TaskCompletionSource Ready)> node;
        lock (gate)
        {
            if (free >= cost && (cost < LargeMegapixels || waiting.Count == 0))
            {
                free -= cost;
                return Taken(cost);
            }
            node = waiting.AddLast((cost, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }
        await using (cancel.Register(() =>
        {
            lock (gate)
            {
                // Still queued: leave the queue (once granted, the permits are the caller's to give back).
                if (node.List is null) return;
                waiting.Remove(node);
                node.Value.Ready.TrySetCanceled(cancel);
                GrantWaiting();
            }
        }))
        {
            await node.Value.Ready.Task;
        }
        return Taken(cost);
    }

    private Ticket Taken(int cost) => new(this, cost);

    /// <summary>Grants the queue's head, then the next, while there is room (under the lock).</summary>
    private void GrantWaiting()
    {
        while (waiting.First is { } head && head.Value.Cost <= free)
        {
            waiting.RemoveFirst();
            free -= head.Value.Cost;
            head.Value.Ready.TrySetResult();
        }
    }

    private void Give(int cost)
    {
        if (cost >= LargeMegapixels)
        {
            // The large picture's arrays (its pixels, and a whole-picture read's grey copy: 8 bytes a pixel) are
            // garbage now that the response is sent, but the collector would let several reads' worth pile up
            // before it looks (1.5 GB under 16 clients of 49-megapixel pictures). Collect and hand the memory back
            // to the system before the next large picture is let in: a few tens of milliseconds per large read.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        lock (gate)
        {
            free += cost;
            GrantWaiting();
        }
    }

    private sealed class Ticket(DecodeBudget budget, int cost) : IAsyncDisposable
    {
        private int disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) budget.Give(cost);
            return ValueTask.CompletedTask;
        }
    }
}
