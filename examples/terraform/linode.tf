# Linode (Akamai): `record_type`, `target`, `priority`, `ttl_sec`.
# Deliberate faults for MX Doctor to find:
#   - a target built from a variable without a default -> mx-target-unresolved-expression
#   - two providers' hosts in one set -> mx-mixed-providers

variable "mail_host" {
  type = string
}

resource "linode_domain" "main" {
  type      = "master"
  domain    = "example.eu"
  soa_email = "hostmaster@example.eu"
}

resource "linode_domain_record" "mx_google" {
  domain_id   = linode_domain.main.id
  name        = ""
  record_type = "MX"
  target      = "smtp.google.com"
  priority    = 1
  ttl_sec     = 3600
}

resource "linode_domain_record" "mx_own" {
  domain_id   = linode_domain.main.id
  name        = ""
  record_type = "MX"
  target      = "${var.mail_host}.example.eu"
  priority    = 10
  ttl_sec     = 3600
}
