; example.com — a realistic zone with the MX mistakes MX Doctor finds.
; Try: pnpm mx-doctor lint examples/
$TTL 3600
$ORIGIN example.com.
@       IN SOA  ns1.example.com. hostmaster.example.com. (
                2026112401 ; serial
                7200       ; refresh
                3600       ; retry
                1209600    ; expire
                300 )      ; negative-cache TTL
        IN NS   ns1.example.com.
        IN NS   ns2.example.net.

; Mail: the primary is fine; the backup lost its trailing dot and now means
; mx2.example.com.example.com.
@       IN MX   10 mx1.example.com.
@       IN MX   20 mx2.example.com
@       IN TXT  "v=spf1 mx include:_spf.example.net ~all"
_dmarc  IN TXT  "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"

mx1     IN A    198.51.100.25
mx1     IN AAAA 2001:db8:25::1
mx2     IN A    198.51.100.26

; The shop subdomain: its MX points at an alias, and its SPF is written twice.
shop    IN MX   10 mail.shop
shop    IN MX   10 mail.shop
mail.shop IN CNAME mx1
shop    IN TXT  "v=spf1 include:_spf.google.com -all"
shop    IN TXT  "v=spf1 +all"

; An address typed where a host name belongs.
legacy  IN MX   10 192.0.2.7

; Hosts of the web site.
www     IN CNAME @
@       IN A    198.51.100.80
$INCLUDE hosts.inc
