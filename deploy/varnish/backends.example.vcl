# Production: copy to backends.vcl beside default.vcl and set the balancer's address.
backend balancer {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

# The same balancer, probed on /healthz (200 when an app server's database and cache
# answer). default.vcl only reads its health: while it fails, stale copies are served
# rather than waiting for a refresh.
backend site_health {
    .host = "127.0.0.1";
    .port = "8080";
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
