namespace DeepPlate.Web.Tests.Access;

/// <summary>A clock the tests move: plans that end, months that turn, lockouts that expire.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
