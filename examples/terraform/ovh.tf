# OVHcloud: `fieldtype`, `subdomain`, and the "preference target" pair in `target`.
# Deliberate faults for MX Doctor to find:
#   - only mx1 of OVH's three MX hosts is present -> mx-provider-incomplete

resource "ovh_domain_zone_record" "mx1" {
  zone      = "example.fr"
  subdomain = ""
  fieldtype = "MX"
  ttl       = 3600
  target    = "1 mx1.mail.ovh.net."
}
