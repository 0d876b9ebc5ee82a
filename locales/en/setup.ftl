## periop setup --from ward.toml: the entries a refusal names
## (`$name`, `$account`, `$label`, `$code` come quoted, as written in the file)
setup-staff = staff { $name }
setup-account = account { $account }
setup-room = room { $name }
setup-bed = bed { $label }
setup-procedure = procedure { $code }
## `$role`: the role as written, quoted; `$roles`: the role codes, as typed
setup-not-a-role = role { $role } is not a role; use one of: { $roles }
