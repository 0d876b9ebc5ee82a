## Jours de la semaine, abrégés
weekday-mon = lun.
    .long = lundi
weekday-tue = mar.
    .long = mardi
weekday-wed = mer.
    .long = mercredi
weekday-thu = jeu.
    .long = jeudi
weekday-fri = ven.
    .long = vendredi
weekday-sat = sam.
    .long = samedi
weekday-sun = dim.
    .long = dimanche


## Un jour en entier : « sam. 28/11/2026 »
day-text = { $weekday } { $date }

## Un jour par rapport au jour affiché (domain::day_label::relative)
day-today = aujourd'hui
day-yesterday = hier
day-tomorrow = demain
day-ago = { $count ->
    [one] il y a 1 jour
   *[other] il y a { $count } jours
}
day-in = { $count ->
    [one] dans 1 jour
   *[other] dans { $count } jours
}
day-viewed = le jour affiché
day-before = { $count ->
    [one] 1 jour avant le { $day }
   *[other] { $count } jours avant le { $day }
}
day-after = { $count ->
    [one] 1 jour après le { $day }
   *[other] { $count } jours après le { $day }
}
