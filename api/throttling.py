"""Each key's own rate limit, counted in the shared cache (Redis in production), so every
app server counts the same requests. Over the limit: 429 with `Retry-After`."""

from rest_framework.throttling import SimpleRateThrottle


class KeyRateThrottle(SimpleRateThrottle):
    scope = "api-key"

    def get_rate(self):
        return None  # set per key in allow_request

    def allow_request(self, request, view):
        key = request.auth
        if key is None:
            return True  # refused before this, by HasApiKey
        self.num_requests, self.duration = key.requests_per_minute, 60
        self.rate = f"{key.requests_per_minute}/min"
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return f"api:throttle:{request.auth.pk}"
