# Hetzner DNS: the whole "preference target" pair is the `value` string.
# Deliberate faults for MX Doctor to find:
#   - preference 70000 is out of range (0..65535) -> mx-priority-range
#   - null MX "0 ." next to real MX records -> mx-null-mixed

resource "hetznerdns_zone" "zone" {
  name = "example.de"
  ttl  = 3600
}

resource "hetznerdns_record" "mx_null" {
  zone_id = hetznerdns_zone.zone.id
  name    = "@"
  type    = "MX"
  value   = "0 ."
}

resource "hetznerdns_record" "mx_main" {
  zone_id = hetznerdns_zone.zone.id
  name    = "@"
  type    = "MX"
  value   = "70000 mail.example.de."
}
