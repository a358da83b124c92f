# Messages shared by every command: findings, locations, where to fix, counts.

severity-error = erreur
severity-warning = avertissement
# $location starts with a space when there is one.
finding-line = { $severity } [{ $rule }]{ $location } : { $message }
location-sheet = feuille « { $sheet } »
location-row = ligne { $row }
location-column = colonne « { $column } »
location-document = document { $document }

finding-fix = → à corriger : { $fix }
fix-plannit = dans Plannit : corrigez la donnée, exportez de nouveau et déposez le nouvel export
fix-config = dans la configuration : { $key } de { $file }
fix-dropped-file = dans le fichier déposé : il est abîmé ou n'est pas un export Plannit ; exportez-le de nouveau ou retirez-le
fix-history = dans l'historique des exports : relancez avec --adjust pour comptabiliser la différence, ou, si le lot { $batch } n'a jamais été importé dans Sage 50, annulez-le (plannit2sage history void { $batch } --yes)
fix-queries = dans les requêtes : { $file }

count-errors = { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
}
count-warnings = { $count ->
    [one] { $count } avertissement
   *[other] { $count } avertissements
}
prefixed = { $prefix } : { $message }
error-prefix = erreur
warning-prefix = avertissement
note-prefix = note
