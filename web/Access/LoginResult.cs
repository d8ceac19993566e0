namespace DeepPlate.Web.Access;

public enum LoginOutcome
{
    Succeeded,
    /// <summary>Unknown user or wrong password: the page does not say which.</summary>
    Invalid,
    /// <summary>Too many wrong passwords in a row; <see cref="LoginResult.LockedUntil"/> says until when.</summary>
    LockedOut,
}

public sealed record LoginResult(LoginOutcome Outcome, AccessUser? User = null, DateTimeOffset? LockedUntil = null)
{
    public static readonly LoginResult Invalid = new(LoginOutcome.Invalid);
}
