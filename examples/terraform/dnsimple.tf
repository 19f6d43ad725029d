# DNSimple: `value` and `priority`; the apex is name "".
# Deliberate faults for MX Doctor to find:
#   - an IP address as the MX target -> mx-target-ip-literal
#   - only one MX host -> mx-single

resource "dnsimple_zone_record" "mx" {
  zone_name = "example.app"
  name      = ""
  type      = "MX"
  value     = "192.0.2.40"
  priority  = 10
  ttl       = 3600
}
