namespace Medic.Bundles.Tests;

/// <summary>One planted secret: where it sits (a line of some file or body), and which rule must catch it.</summary>
internal sealed record PlantedSecret(string Kind, string Secret, string Text, string Rule);

/// <summary>Secrets planted in the configs, logs, env, URLs and HTTP bodies of a seed-like system.</summary>
internal static class LeakCorpus
{
    private const string Pem = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    public static readonly PlantedSecret[] All =
    [
        // YAML configs
        new("yaml password", "Yp4ss-w0rd-1x", "  password: Yp4ss-w0rd-1x", "secret-key"),
        new("yaml quoted secret", "qu0ted-Secr3t", "client_secret: \"qu0ted-Secr3t\"", "secret-key"),
        new("yaml jwt_secret", "jwtS1gn-k3y-zz", "jwt_secret: 'jwtS1gn-k3y-zz'", "secret-key"),
        new("yaml api_key", "apiK-88812ab", "  api_key: apiK-88812ab", "secret-key"),
        new("yaml user_password", "uPw-77xq", "user_password: uPw-77xq", "secret-key"),
        new("yaml token", "tok3n-yaml-55", "  token: tok3n-yaml-55", "secret-key"),
        // JSON configs and bodies
        new("json password", "jsonPw-991", "{\"user\":\"app\",\"password\":\"jsonPw-991\"}", "secret-key"),
        new("json apiKey", "jsonApi-KEY-4", "{\"apiKey\": \"jsonApi-KEY-4\", \"region\": \"eu\"}", "secret-key"),
        new("json access_token body", "accTok-json-0p", "{\"access_token\":\"accTok-json-0p\",\"expires_in\":3600}", "secret-key"),
        new("json refresh_token body", "refTok-json-3q", "{\"refresh_token\":\"refTok-json-3q\"}", "secret-key"),
        new("json private_key", "privK-json-7", "{\"private_key\": \"privK-json-7\"}", "secret-key"),
        // TOML / INI
        new("toml password", "tomlPw-12", "password = \"tomlPw-12\"", "secret-key"),
        new("toml encryption_key", "encK-toml-66", "encryption_key = 'encK-toml-66'", "secret-key"),
        new("ini db_password", "iniPw-x1", "db_password=iniPw-x1", "secret-key"),
        new("ini secret_key", "iniSecret-zz9", "secret_key = iniSecret-zz9", "secret-key"),
        // .env and environment
        new("env POSTGRES_PASSWORD", "envPgPw-55", "POSTGRES_PASSWORD=envPgPw-55", "secret-key"),
        new("env export REDIS_PASSWORD", "envRedis-22", "export REDIS_PASSWORD=envRedis-22", "secret-key"),
        new("env AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY", "secret-key"),
        new("env GITHUB_TOKEN quoted", "envGhTok-8", "GITHUB_TOKEN=\"envGhTok-8\"", "secret-key"),
        new("env SESSION_KEY", "sessK-env-3", "SESSION_KEY=sessK-env-3", "secret-key"),
        new("env SIGNING_KEY", "signK-env-4", "SIGNING_KEY=signK-env-4", "secret-key"),
        new("env PASSWD", "passwd-env-5", "PASSWD=passwd-env-5", "secret-key"),
        // logfmt and logs
        new("logfmt password", "logfmtPw-1", "level=info msg=\"login\" user=bob password=logfmtPw-1 ok=true", "secret-key"),
        new("logfmt token", "logfmtTok-2", "ts=2026-01-01T00:00:00Z token=logfmtTok-2 status=200", "secret-key"),
        new("redis requirepass", "redisReq-pass9", "requirepass redisReq-pass9", "secret-key"),
        new("redis masterauth", "redisMaster-7", "masterauth redisMaster-7", "secret-key"),
        new("connection string Password", "connPw-ado-1", "Host=db;Port=5432;Username=app;Password=connPw-ado-1;Database=x", "secret-key"),
        new("connection string Pwd", "connPwd-odbc-2", "Server=sql;Uid=sa;Pwd=connPwd-odbc-2;", "secret-key"),
        // URLs
        new("postgres url", "urlPgPw-1", "DATABASE_URL=postgres://app:urlPgPw-1@db.internal:5432/app", "url-credentials"),
        new("redis url", "urlRedisPw-2", "redis://default:urlRedisPw-2@cache:6379/0", "url-credentials"),
        new("nats url in log", "urlNatsPw-3", "connecting to nats://svc:urlNatsPw-3@nats:4222 failed", "url-credentials"),
        new("https basic url", "urlHttpPw-4", "GET https://deploy:urlHttpPw-4@registry.example.com/v2/", "url-credentials"),
        new("query token", "qsTok-55", "GET /callback?code=1&token=qsTok-55&x=2 HTTP/1.1", "secret-key"),
        new("query api_key", "qsApiKey-66", "https://api.example.com/v1?api_key=qsApiKey-66", "secret-key"),
        // HTTP headers
        new("bearer header", "bearerOpaque-1a2b3c", "Authorization: Bearer bearerOpaque-1a2b3c", "authorization-header"),
        new("basic header", "YWRtaW46aHVudGVyMg==", "authorization: Basic YWRtaW46aHVudGVyMg==", "authorization-header"),
        new("proxy authorization", "proxyTok-9z", "Proxy-Authorization: Token proxyTok-9z", "authorization-header"),
        new("cookie header", "sid=ck-Sess-123; theme=dark", "Cookie: sid=ck-Sess-123; theme=dark", "cookie-header"),
        new("set-cookie header", "auth=setck-55; Path=/; HttpOnly", "Set-Cookie: auth=setck-55; Path=/; HttpOnly", "cookie-header"),
        // tokens found by shape
        new("jwt in log", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXZhbHVl", "request from user=42 carried eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXZhbHVl", "jwt"),
        new("aws access key id", "AKIAIOSFODNN7EXAMPL1", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPL1", "cloud-key"),
        new("aws session key id", "ASIAY34FZKBOKMUTVV7A", "using ASIAY34FZKBOKMUTVV7A for s3", "cloud-key"),
        new("github pat", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "remote uses ghp_abcdefghijklmnopqrstuvwxyz0123456789 now", "cloud-key"),
        new("gitlab pat", "glpat-abcdefghij0123456789", "ci uses glpat-abcdefghij0123456789", "cloud-key"),
        new("slack token", "xoxb-1234567890-abcdefghij", "slack xoxb-1234567890-abcdefghij posted", "cloud-key"),
        new("google api key", "AIzaSyA1234567890abcdefghijklmnopqrstuv", "maps AIzaSyA1234567890abcdefghijklmnopqrstuv", "cloud-key"),
        new("stripe live key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "billing sk_live_4eC39HqLyjWDarjtT1zdp7dc", "cloud-key"),
        new("pem private key", Pem, "-----BEGIN RSA PRIVATE KEY-----\n" + Pem + "\n-----END RSA PRIVATE KEY-----", "pem-private-key"),
    ];
}
