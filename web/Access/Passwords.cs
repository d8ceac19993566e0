using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace DeepPlate.Web.Access;

/// <summary>
/// Password hashing with ASP.NET Core Identity's hasher (PBKDF2 with HMAC-SHA512, a salt per password, the iteration
/// count in the hash so it can rise later), and the random passwords the first administrator gets.
/// </summary>
public static class Passwords
{
    // The hasher ignores the user object; the type argument only has to be a class.
    private static readonly PasswordHasher<AccessUser> Hasher = new();

    /// <summary>Passwords shorter than this are refused when set (by the admin area or the first start).</summary>
    public const int MinimumLength = 8;

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static PasswordVerificationResult Verify(string hash, string password) => Hasher.VerifyHashedPassword(null!, hash, password);

    /// <summary>20 letters and digits (about 119 bits), without look-alikes so it can be typed from a console.</summary>
    public static string Generate() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    /// <summary>Why a new password is refused, or null when it is fine.</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumLength ? $"a password needs at least {MinimumLength} characters" : null;
}
