# Google Cloud DNS: `rrdatas` strings hold "preference target"; names and targets need the final dot.
# Deliberate faults for MX Doctor to find:
#   - "5 alt1.aspmx.l.google.com" has no trailing dot: Cloud DNS rejects it -> mx-target-relative
#   - the SPF TXT is not quoted: Cloud DNS splits it at spaces into "v=spf1" "include:…" "~all",
#     which joins to "v=spf1include:…~all" -> spf-syntax

resource "google_dns_managed_zone" "prod" {
  name     = "prod-zone"
  dns_name = "example.net."
}

resource "google_dns_record_set" "mx" {
  name         = google_dns_managed_zone.prod.dns_name
  managed_zone = google_dns_managed_zone.prod.name
  type         = "MX"
  ttl          = 3600
  rrdatas = [
    "1 aspmx.l.google.com.",
    "5 alt1.aspmx.l.google.com",
    "5 alt2.aspmx.l.google.com.",
  ]
}

resource "google_dns_record_set" "spf" {
  name         = google_dns_managed_zone.prod.dns_name
  managed_zone = google_dns_managed_zone.prod.name
  type         = "TXT"
  ttl          = 300
  rrdatas      = ["v=spf1 include:_spf.google.com ~all"]
}
