namespace ReceiptGuard.Host.Security;

/// <summary>
/// Headers every response carries, API and refusals included. Endpoints that set their own (the UI pages, the
/// captured page in its sandbox) keep theirs; everything else is data that must never render as a page or be framed.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string DefaultPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = DefaultPolicy;
            }

            // A page elsewhere cannot embed our responses as no-cors subresources (<img>, <script>) either.
            if (!headers.ContainsKey("Cross-Origin-Resource-Policy"))
            {
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
