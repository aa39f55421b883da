# Production: copy to backends.vcl beside default.vcl and set the balancer's address.
# The probe asks /healthz (200 when the database and cache answer); while it fails,
# Varnish serves stale copies instead of errors.
backend balancer {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .probe = {
        .request = "GET /healthz HTTP/1.1"
                   "Host: news.example.com"
                   "Connection: close";
        .interval = 2s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may send PURGE: the app servers, by address.
acl purgers {
    "app-1.internal";
    "app-2.internal";
}
