# Cloudflare provider v5 (`cloudflare_dns_record`): `content` and a required `priority`.
# Deliberate faults for MX Doctor to find:
#   - the targets come from for_each: each.value cannot be evaluated before plan
#     -> mx-target-unresolved-expression (info; live checks cover it after apply)
#   - mx.example.io is in this zone but has no A/AAAA here -> mx-target-no-address

resource "cloudflare_zone" "io" {
  account = { id = var.cloudflare_account_id }
  name    = "example.io"
}

variable "cloudflare_account_id" {
  type = string
}

resource "cloudflare_dns_record" "mx" {
  for_each = { "10" = "mx-a.example.io", "20" = "mx-b.example.io" }
  zone_id  = cloudflare_zone.io.id
  name     = "example.io"
  type     = "MX"
  content  = each.value
  priority = tonumber(each.key)
  ttl      = 1
}

resource "cloudflare_dns_record" "mx_fallback" {
  zone_id  = cloudflare_zone.io.id
  name     = "example.io"
  type     = "MX"
  content  = "mx.example.io"
  priority = 50
  ttl      = 3600
}
