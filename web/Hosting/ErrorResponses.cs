using DeepPlate.Web.Features.Reading;
using Microsoft.AspNetCore.Diagnostics;

namespace DeepPlate.Web.Hosting;

/// <summary>
/// Whatever escapes a handler becomes a plain-words JSON error, never a stack trace: Kestrel's own refusals
/// (a body over the size limit: 413) keep their status code, anything else is a 500.
/// </summary>
public static class ErrorResponses
{
    public static IApplicationBuilder UsePlainErrors(this IApplicationBuilder app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandler = async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, message) = error switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "the request is too large; send a smaller picture"),
                BadHttpRequestException bad => (bad.StatusCode, "the request could not be read"),
                _ => (500, "something went wrong on the server; nothing of your request was kept, please try again"),
            };
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(new ReadError(message));
        },
    });
}
