## Days of the week, short (dates are dd/mm/yyyy in both languages)
weekday-mon = Mon
    .long = Monday
weekday-tue = Tue
    .long = Tuesday
weekday-wed = Wed
    .long = Wednesday
weekday-thu = Thu
    .long = Thursday
weekday-fri = Fri
    .long = Friday
weekday-sat = Sat
    .long = Saturday
weekday-sun = Sun
    .long = Sunday


## A day in full: "Sat 28/11/2026"
day-text = { $weekday } { $date }

## A day against the day viewed (domain::day_label::relative)
day-today = today
day-yesterday = yesterday
day-tomorrow = tomorrow
day-ago = { $count ->
    [one] 1 day ago
   *[other] { $count } days ago
}
day-in = { $count ->
    [one] in 1 day
   *[other] in { $count } days
}
day-viewed = the day viewed
day-before = { $count ->
    [one] 1 day before { $day }
   *[other] { $count } days before { $day }
}
day-after = { $count ->
    [one] 1 day after { $day }
   *[other] { $count } days after { $day }
}
