## Une étiquette code-barres illisible (domain::stock::gs1, hibc ; R-TRACE-3).
## Les identifiants d'application GS1 gardent leurs noms usuels : (01) GTIN,
## (17) péremption, (10) lot, (21) série, (11) date de fabrication, (30) quantité.
labels-gs1-empty = rien de scanné : scannez le code-barres de l'étiquette ou tapez son texte, p. ex. (01)…(17)…(10)…
labels-gs1-bad-gtin = { $found } : pas un GTIN (8, 12, 13 ou 14 chiffres) ; vérifiez les chiffres après (01)
labels-gs1-gtin-length = (01) { $found } : { $digits } chiffre(s), or dans un code GS1 (01) a toujours 14 chiffres (un GTIN-13 s'écrit précédé d'un 0) ; vérifiez les chiffres après (01)
labels-gs1-expiry-before-production = (17) péremption { $expiry } avant (11) date de fabrication { $production } : étiquette mal lue ou mal imprimée ; vérifiez les deux dates sur la boîte
labels-gs1-check-digit = GTIN { $gtin } : la clé de contrôle est { $found } mais les chiffres qui la précèdent donnent { $expected } ; un chiffre a été mal lu ou mal tapé, scannez à nouveau
labels-gs1-bad-date = ({ $ai }) { $found } : pas une date AAMMJJ ; vérifiez les six chiffres après ({ $ai })
labels-gs1-too-long = ({ $ai }) { $found } : plus de { $max } caractères ; le séparateur qui le suit a sans doute été perdu (réglez la touche GS du lecteur, ou tapez la forme entre parenthèses)
labels-gs1-bad-value = ({ $ai }) { $found } : { $why }
labels-gs1-holds-gs = contient un séparateur de groupe
labels-gs1-not-set-82 = contient un caractère que GS1 n'admet pas dans un lot ou une série (lettres, chiffres et !"%&'()*+,-./:;<=>?_ seulement)
labels-gs1-not-a-count = pas une quantité (1 à 8 chiffres)
labels-gs1-missing = ({ $ai }) est vide : une valeur doit le suivre
labels-gs1-twice = ({ $ai }) apparaît deux fois ; scannez une étiquette à la fois
labels-gs1-unknown-ai = { $found } : pas un identifiant d'application que ce programme lit, au caractère { $at } ; il lit (01) GTIN, (17) péremption, (10) lot, (21) série, (11) date de fabrication et (30) quantité
labels-gs1-unclosed = { $found } : une parenthèse n'est pas fermée ; écrivez chaque identifiant comme (01), (17), (10)…

## Un lot ou une série qui contient peut-être le champ suivant, son séparateur perdu
## ($field : lot ou serial ; $what : expiry, production, serial ou lot)
labels-gs1-swallowed = { $field ->
        [lot] le lot
       *[serial] la série
    } a peut-être absorbé { $what ->
        [expiry] une péremption
        [production] une date de fabrication
        [serial] une série
       *[lot] un lot
    } ({ $ai }){ $value } : le lecteur a peut-être perdu le séparateur de groupe ; vérifiez l'étiquette

## HIBC (la forme LIC du Supplier Labeling Standard)
labels-hibc-not-hibc = { $found } : pas une étiquette HIBC (elle commence par +, puis 4 lettres ou chiffres, le premier une lettre)
labels-hibc-check = { $found } : le caractère de contrôle est { $got } mais les caractères qui le précèdent donnent { $want } ; scannez à nouveau
labels-hibc-bad-char = { $found } : contient { $bad }, que HIBC n'utilise pas
labels-hibc-malformed = { $found } : { $why }
labels-hibc-link = le caractère de liaison de la partie secondaire n'est pas le caractère de contrôle de la primaire : l'étiquette d'un autre produit
labels-hibc-product-number = le numéro de produit fait 1 à 18 lettres ou chiffres, puis un chiffre d'unité
labels-hibc-expiry-not-a-day = la date de péremption après l'indicateur de format n'est pas un jour
labels-hibc-secondary-start = la partie secondaire commence par $, $$ ou une date AAJJJ
labels-hibc-no-date-flag = un indicateur de format de date doit suivre $$
labels-hibc-date-format = ce format de date ou de quantité n'est pas lu ; tapez le lot et la péremption
labels-hibc-number-length = le lot ou la série fait 1 à 18 caractères
