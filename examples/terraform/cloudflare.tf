# Cloudflare provider v4 (`cloudflare_record`): target in `content`, preference in `priority`.
# Deliberate faults for MX Doctor to find:
#   - the same target appears twice -> mx-duplicate
#   - `ttl = 1` is Cloudflare's "automatic", not one second (no finding; read as "no TTL given")

resource "cloudflare_zone" "org" {
  account_id = var.cloudflare_account_id
  zone       = "example.org"
}

variable "cloudflare_account_id" {
  type = string
}

resource "cloudflare_record" "mx_primary" {
  zone_id  = cloudflare_zone.org.id
  name     = "@"
  type     = "MX"
  content  = "mx1.example.org"
  priority = 10
  ttl      = 1
}

resource "cloudflare_record" "mx_secondary" {
  zone_id  = cloudflare_zone.org.id
  name     = "example.org"
  type     = "MX"
  content  = "mx1.example.org"
  priority = 20
  ttl      = 1
}

resource "cloudflare_record" "mx1" {
  zone_id = cloudflare_zone.org.id
  name    = "mx1"
  type    = "A"
  content = "192.0.2.10"
  proxied = false
}

resource "cloudflare_record" "dmarc" {
  zone_id = cloudflare_zone.org.id
  name    = "_dmarc"
  type    = "TXT"
  content = "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.org"
}
