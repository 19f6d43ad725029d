# Azure DNS: one `azurerm_dns_mx_record` with repeated `record { preference, exchange }` blocks.
# Deliberate faults for MX Doctor to find:
#   - mail2.example.com is a CNAME in this zone -> mx-target-cname
#   - both hosts share preference 10 (fine for load spreading, worth knowing) -> mx-same-priority

resource "azurerm_dns_zone" "main" {
  name                = "example.com"
  resource_group_name = "rg-dns"
}

resource "azurerm_dns_mx_record" "apex" {
  name                = "@"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "rg-dns"
  ttl                 = 3600

  record {
    preference = 10
    exchange   = "mail1.example.com"
  }

  record {
    preference = 10
    exchange   = "mail2.example.com"
  }
}

resource "azurerm_dns_a_record" "mail1" {
  name                = "mail1"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "rg-dns"
  ttl                 = 300
  records             = ["192.0.2.1"]
}

resource "azurerm_dns_cname_record" "mail2" {
  name                = "mail2"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "rg-dns"
  ttl                 = 300
  record              = "mail1.example.com"
}

resource "azurerm_dns_txt_record" "spf" {
  name                = "@"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "rg-dns"
  ttl                 = 300

  record {
    value = "v=spf1 include:spf.protection.outlook.com -all"
  }
}
