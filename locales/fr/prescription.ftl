## Une prescription de distraction refusée (domain::distraction::case, R-DO-1)
prescription-mm-per-turn = les mm par tour vont de { $min } à { $max } mm (0,25 sur un cadre circulaire), pas { $value }
prescription-rate = la vitesse va de { $min } à { $max } mm/j, pas { $value }
prescription-target = la longueur cible va de { $min } à { $max } mm, pas { $value }
prescription-target-turns = une cible de { $target } mm n'est pas un nombre entier de tours de { $turn } mm (le dispositif allonge par tours entiers) ; prenez { $choice } mm
prescription-use-one = { $value }
prescription-use-either = { $lower } ou { $upper }
prescription-rhythm = le nombre de séances va de 1 à { $max } par jour, pas { $value }
prescription-latency = la latence va de 0 à { $max } jours, pas { $value }
prescription-pins = un cadre a de 0 à { $max } fiches à coter, pas { $value }
prescription-rate-turns = une vitesse de { $rate } mm/j n'est pas un nombre entier de tours de { $turn } mm ; prenez { $lower } ou { $upper } mm/j

## Une table de vérins hexapode refusée, ligne par ligne
## (domain::distraction::hexapod_csv, R-DO-8). Les mots des lignes (plan,
## strut, day, change, les couleurs) sont ceux du fichier et ne se traduisent pas.
prescription-table-line = ligne { $line } : { $why }
prescription-table-count = { $count ->
        [one] 1 valeur
       *[other] { $count } valeurs
    } là où { $shape } en a { $want } ; écrivez `{ $shape }`
prescription-table-not-mm = { $what }, { $value }, n'est pas un nombre de mm
prescription-table-what-correction = la correction
prescription-table-what-rate = la vitesse
prescription-table-what-minimum = le minimum
prescription-table-what-maximum = le maximum
prescription-table-what-length = la longueur du vérin { $strut }
prescription-table-not-a-strut = le vérin { $value } n'existe pas ; les vérins vont de 1 à { $max }
prescription-table-not-a-day = { $value } n'est pas un jour ; écrivez-le comme 2026-12-01
prescription-table-second-plan = une deuxième ligne plan ; une prescription par fichier
prescription-table-not-a-colour = { $value } n'est pas une couleur de vérin ; écrivez l'un de ces codes : { $colours }
prescription-table-no-size = le vérin { $strut } n'a pas de taille ; écrivez la taille du catalogue
prescription-table-changed-first = le vérin { $strut } change avant sa ligne strut ; mettez d'abord les lignes strut
prescription-table-unknown-line = { $value } n'est pas une ligne que ce programme lit ; les lignes sont { $format }
prescription-table-no-plan = pas de ligne plan ; commencez par `plan,CORRECTION_MM,RATE_MM_PER_DAY` de l'impression
prescription-table-no-day = pas de ligne day ; donnez `day,DATE,L1..L6` pour chaque jour
prescription-table-twice = le vérin { $strut } est donné deux fois ; un changement de vérin est une ligne `change`
