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

## Ce que le système a répondu (fichiers et dossiers)

io-not-found = introuvable (ni fichier ni dossier à ce chemin)
io-permission-denied = accès refusé (droits insuffisants, ou fichier ouvert dans un autre programme)
io-is-a-directory = c'est un dossier, pas un fichier
io-not-a-directory = c'est un fichier, pas un dossier
io-already-exists = existe déjà
io-directory-not-empty = le dossier n'est pas vide
io-storage-full = le disque est plein
io-read-only = l'emplacement est en lecture seule
io-busy = le fichier est utilisé par un autre programme
io-invalid-filename = ce nom de fichier n'est pas permis
