using DeepPlate.Synth;
using System.Collections.Concurrent;
using DeepPlate.Formats;

namespace DeepPlate.Training;

/// <summary>
/// Streams synthetic batches from background threads through bounded queues, so generation overlaps training and
/// nothing is written to disk. Worker w makes batches w, w + W, w + 2W, ... and the trainer takes them round-robin,
/// so the stream is the same sequence of samples whatever the thread timing: sample i of batch b is synthetic sample
/// (seed, b * batchSize + i). The difficulty of each batch comes from the caller (the curriculum).
/// </summary>
public sealed class BatchSource : IDisposable
{
    private readonly BlockingCollection<PlateBatch>[] queues;
    private readonly ConcurrentBag<PlateBatch> pool = [];
    private readonly Thread[] threads;
    private readonly CancellationTokenSource stop = new();
    private readonly int batchSize, inputSize, slots;
    private readonly long firstBatch;
    private long next;
    private Exception? failure;

    /// <param name="difficulty">The curriculum difficulty for a batch number; called on the worker threads.</param>
    public BatchSource(string country, int inputHeight, int inputWidth, int batchSize, ulong seed, long firstBatch,
        int workers, int prefetch, Func<long, double> difficulty, AppearanceSpec? appearance = null, HopelessPlates? hopeless = null,
        RandomErasing? erasing = null, DegradationSpec? degradations = null)
    {
        this.batchSize = batchSize;
        slots = ModelAlphabet.For(FormatRegistry.Default.Country(country)).Slots;
        inputSize = inputHeight * inputWidth;
        this.firstBatch = next = firstBatch;
        queues = new BlockingCollection<PlateBatch>[workers];
        threads = new Thread[workers];
        for (var w = 0; w < workers; w++)
        {
            var queue = queues[w] = new BlockingCollection<PlateBatch>(Math.Max(1, prefetch / workers));
            var first = firstBatch + w;
            threads[w] = new Thread(() => Produce(country, inputHeight, inputWidth, seed, first, workers, difficulty, appearance, hopeless, erasing, degradations, queue))
            {
                IsBackground = true,
                Name = $"batches-{w}",
            };
            threads[w].Start();
        }
    }

    /// <summary>The next batch of the stream; give it back with <see cref="Return"/> when its tensors are gone.</summary>
    public PlateBatch Take()
    {
        var queue = queues[(next - firstBatch) % queues.Length];
        try
        {
            var batch = queue.Take(stop.Token);
            next++;
            return batch;
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException && failure is not null)
        {
            throw new InvalidOperationException($"generating training plates failed: {failure!.Message}", failure);
        }
    }

    public void Return(PlateBatch batch) => pool.Add(batch);

    private void Produce(string country, int inputHeight, int inputWidth, ulong seed, long first, int stride,
        Func<long, double> difficulty, AppearanceSpec? appearance, HopelessPlates? hopeless, RandomErasing? erasing, DegradationSpec? degradations,
        BlockingCollection<PlateBatch> queue)
    {
        try
        {
            using var sampler = new PlateSampler(country, inputHeight, inputWidth, appearance, hopeless, erasing, degradations);
            for (var number = first; !stop.IsCancellationRequested; number += stride)
            {
                if (!pool.TryTake(out var batch)) batch = new PlateBatch(batchSize, inputSize, slots);
                batch.Number = number;
                batch.Count = batchSize;
                batch.Difficulty = difficulty(number);
                for (var i = 0; i < batchSize; i++)
                {
                    batch.Weights[i] = (float)sampler.Fill(seed, number * batchSize + i, batch.Difficulty, batch.Inputs, batch.Labels, i);
                }
                queue.Add(batch, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            failure = e;
            queue.CompleteAdding();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        foreach (var t in threads) t.Join();
        foreach (var q in queues) q.Dispose();
        stop.Dispose();
    }
}
