# NS1: each `answers` block is one MX record, "preference target" in `answer`.
# Deliberate faults for MX Doctor to find:
#   - the same host twice -> mx-duplicate
#   - mail.example.co is in this zone with no A/AAAA here -> mx-target-no-address

resource "ns1_zone" "main" {
  zone = "example.co"
}

resource "ns1_record" "mx" {
  zone   = ns1_zone.main.zone
  domain = "example.co"
  type   = "MX"
  ttl    = 3600

  answers {
    answer = "5 mail.example.co"
  }

  answers {
    answer = "10 mail.example.co"
  }
}
