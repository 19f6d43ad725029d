# Route 53: preference and target share one string in `records`.
# Deliberate faults for MX Doctor to find:
#   - "mx3.example.com" has no preference (AWS rejects it: MXRRDATAPriorityRequired) -> mx-syntax
#   - mail.example.com is a CNAME in this same zone -> mx-target-cname
#   - the SPF record lets anyone send (+all) -> spf-permissive-all

locals {
  domain = "example.com"
}

resource "aws_route53_zone" "main" {
  name = local.domain
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = local.domain
  type    = "MX"
  ttl     = 3600
  records = [
    "10 mail.${local.domain}",
    "20 backup.${local.domain}",
    "mx3.example.com",
  ]
}

resource "aws_route53_record" "mail" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail"
  type    = "CNAME"
  ttl     = 300
  records = ["mailhost.example.net"]
}

resource "aws_route53_record" "backup" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "backup"
  type    = "A"
  ttl     = 300
  records = ["192.0.2.25"]
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 mx +all"]
}
