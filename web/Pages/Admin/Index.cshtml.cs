using DeepPlate.Web.Security;
using DeepPlate.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Pages.Admin;

/// <summary>
/// The admin area (administrators only): institutions and their countries, licences and their plans, users, their
/// passwords and which licences each may consume. Each form posts to its own handler, which redirects back with a
/// message (or shows the store's reason for refusing).
/// </summary>
public sealed class IndexModel(AccessAdmin admin, SupportedCountries countries, AccessOptions options, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Institution> Institutions { get; private set; } = [];
    public IReadOnlyList<Licence> Licences { get; private set; } = [];
    public IReadOnlyList<AccessUser> Users { get; private set; } = [];
    public Dictionary<long, IReadOnlySet<long>> Associations { get; } = [];
    public SupportedCountries Countries => countries;
    public int DefaultUsesPerSeat => options.UsesPerSeatPerMonth;
    public string? Error { get; private set; }

    /// <summary>Reads this month per licence, per user (<see cref="AccessAdmin.UsesThisMonthAsync"/>).</summary>
    public ILookup<long, UserUses> UsesThisMonth { get; private set; } = Array.Empty<UserUses>().ToLookup(u => u.LicenceId);

    [BindProperty(SupportsGet = true)]
    public string? Message { get; set; }

    public string InstitutionName(long? id) => Institutions.FirstOrDefault(i => i.Id == id)?.Name ?? "—";

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostInstitutionAsync(string name, string country) =>
        Change(async () => $"institution '{(await admin.CreateInstitutionAsync(name ?? "", country ?? "")).Name}' created");

    public Task<IActionResult> OnPostCountryAsync(long institution, string country) =>
        Change(async () => { await admin.SetInstitutionCountryAsync(institution, country ?? ""); return "country changed"; });

    public Task<IActionResult> OnPostLicenceAsync(long institution, string name, int seats, DateOnly activeUntil, int? usesPerSeat) =>
        Change(async () => $"licence '{(await admin.CreateLicenceAsync(institution, name ?? "", seats, activeUntil, usesPerSeat)).Name}' created");

    public Task<IActionResult> OnPostPlanAsync(long licence, int seats, DateOnly activeUntil, int usesPerSeat) =>
        Change(async () => { await admin.SetPlanAsync(licence, seats, activeUntil, usesPerSeat); return "plan changed"; });

    public Task<IActionResult> OnPostUserAsync(string userName, string password, long? institution, bool isAdmin) =>
        Change(async () => $"user '{(await admin.CreateUserAsync(userName ?? "", password ?? "", isAdmin ? null : institution, isAdmin)).UserName}' created");

    public Task<IActionResult> OnPostPasswordAsync(long user, string password) =>
        Change(async () => { await admin.SetPasswordAsync(user, password ?? ""); return "password set (and any lockout lifted)"; });

    public Task<IActionResult> OnPostRemoveAsync(long user) =>
        Change(async () => { await admin.RemoveUserAsync(user, clock.GetUtcNow()); return "user removed (signed out everywhere)"; });

    /// <summary>The user's licences become exactly the ticked ones.</summary>
    public Task<IActionResult> OnPostLicencesAsync(long user, long[] licences) =>
        Change(async () =>
        {
            var before = await admin.AssociationsAsync(user);
            foreach (var l in licences.Except(before)) await admin.AssociateAsync(user, l);
            foreach (var l in before.Except(licences)) await admin.DissociateAsync(user, l);
            return "licences saved";
        });

    private async Task<IActionResult> Change(Func<Task<string>> change)
    {
        try
        {
            if (!ModelState.IsValid) throw new AccessAdminException("some fields are missing or not numbers/dates");
            return RedirectToPage(new { message = await change() });
        }
        catch (AccessAdminException e)
        {
            Error = e.Message;
            Message = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        PageCaching.Forbid(Response);
        Institutions = await admin.InstitutionsAsync();
        Licences = await admin.LicencesAsync();
        Users = await admin.UsersAsync();
        UsesThisMonth = (await admin.UsesThisMonthAsync(clock.GetUtcNow())).ToLookup(u => u.LicenceId);
        foreach (var u in Users) Associations[u.Id] = await admin.AssociationsAsync(u.Id);
    }
}
