# Gandi LiveDNS: `values` strings hold "preference target".
# Deliberate faults for MX Doctor to find:
#   - the second host is an MX of another provider than the first -> mx-split-delivery / mx-mixed-providers

resource "gandi_livedns_record" "mx" {
  zone   = "example.me"
  name   = "@"
  type   = "MX"
  ttl    = 10800
  values = ["10 spool.mail.gandi.net.", "50 aspmx.l.google.com."]
}
