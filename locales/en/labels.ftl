## A barcode label that cannot be read (domain::stock::gs1, hibc; R-TRACE-3).
## The GS1 application identifiers keep their standard names: (01) GTIN,
## (17) expiry, (10) lot, (21) serial, (11) production date, (30) count.
labels-gs1-empty = nothing scanned: scan the label's barcode or type its text, e.g. (01)…(17)…(10)…
labels-gs1-bad-gtin = { $found }: not a GTIN (8, 12, 13 or 14 digits); check the digits after (01)
labels-gs1-gtin-length = (01) { $found }: { $digits } digit(s), but in a GS1 string (01) is always 14 digits (a GTIN-13 is written with a 0 in front); check the digits after (01)
labels-gs1-expiry-before-production = (17) use-by { $expiry } is before (11) production date { $production }: a misread or misprinted label; check both dates on the box
labels-gs1-check-digit = GTIN { $gtin }: the check digit is { $found } but the digits before it give { $expected }; a digit was misread or mistyped, scan again
labels-gs1-bad-date = ({ $ai }) { $found }: not a date YYMMDD; check the six digits after ({ $ai })
labels-gs1-too-long = ({ $ai }) { $found }: longer than { $max } characters; the separator after it was probably lost (set the scanner's GS key, or type the bracketed form)
labels-gs1-bad-value = ({ $ai }) { $found }: { $why }
labels-gs1-holds-gs = holds a group separator
labels-gs1-not-set-82 = holds a character GS1 does not allow in a lot or serial (letters, digits and !"%&'()*+,-./:;<=>?_ only)
labels-gs1-not-a-count = not a count (1 to 8 digits)
labels-gs1-missing = ({ $ai }) is empty: a value must follow it
labels-gs1-twice = ({ $ai }) appears twice; scan one label at a time
labels-gs1-unknown-ai = { $found }: not an application identifier this program reads, at character { $at }; it reads (01) GTIN, (17) expiry, (10) lot, (21) serial, (11) production date and (30) count
labels-gs1-unclosed = { $found }: a bracket is not closed; write each identifier as (01), (17), (10)…

## A lot or serial that may hold the next field, its separator lost
## ($field: lot or serial; $what: expiry, production, serial or lot)
labels-gs1-swallowed = the { $field ->
        [lot] lot
       *[serial] serial
    } may have swallowed { $what ->
        [expiry] an expiry
        [production] a production date
        [serial] a serial
       *[lot] a lot
    } ({ $ai }){ $value }: the scanner may have dropped the group separator; check the label

## HIBC (the Supplier Labeling Standard's LIC form)
labels-hibc-not-hibc = { $found }: not an HIBC label (it starts with +, then 4 letters or digits, the first a letter)
labels-hibc-check = { $found }: the check character is { $got } but the characters before it give { $want }; scan again
labels-hibc-bad-char = { $found }: holds { $bad }, which HIBC does not use
labels-hibc-malformed = { $found }: { $why }
labels-hibc-link = the secondary's link character is not the primary's check character: a label of another product
labels-hibc-product-number = the product number is 1 to 18 letters or digits, then a unit digit
labels-hibc-expiry-not-a-day = the expiry date after the format flag is not a day
labels-hibc-secondary-start = the secondary starts with $, $$ or a date YYJJJ
labels-hibc-no-date-flag = a date format flag must follow $$
labels-hibc-date-format = this date or quantity format is not read; type the lot and expiry
labels-hibc-number-length = the lot or serial is 1 to 18 characters
