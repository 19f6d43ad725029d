# DigitalOcean: `value` is the target, `priority` the preference; the API wants a trailing dot.
# Deliberate faults for MX Doctor to find:
#   - "mx2.example.dev" lacks the trailing dot -> mx-target-relative
#   - a TTL of two days -> mx-ttl-high

resource "digitalocean_domain" "default" {
  name = "example.dev"
}

resource "digitalocean_record" "mx1" {
  domain   = digitalocean_domain.default.id
  type     = "MX"
  name     = "@"
  priority = 10
  value    = "mx1.example.dev."
  ttl      = 172800
}

resource "digitalocean_record" "mx2" {
  domain   = digitalocean_domain.default.id
  type     = "MX"
  name     = "@"
  priority = 20
  value    = "mx2.example.dev"
  ttl      = 172800
}
