## periop setup --from service.toml : les entrées qu'un refus nomme
## (`$name`, `$account`, `$label`, `$code` arrivent entre guillemets, tels qu'écrits dans le fichier)
setup-staff = personnel { $name }
setup-account = compte { $account }
setup-room = salle { $name }
setup-bed = lit { $label }
setup-procedure = type de geste { $code }
## `$role` : le rôle tel qu'écrit, entre guillemets ; `$roles` : les codes des rôles, tels qu'on les tape
setup-not-a-role = le rôle { $role } n'existe pas ; utilisez l'un de : { $roles }
