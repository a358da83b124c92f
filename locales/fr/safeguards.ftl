# What keeps an unattended drop folder safe: a foreign export stopped, a
# batch with warnings shown (or held), a voided batch's files set aside.

## A drop that is not this client's (foreign_export).

foreign-export = ce rapport ne semble pas être celui de ce client : { $signs } ; rien n'est comptabilisé
fix-other-client = dans le dépôt : cet export semble venir d'un autre compte Plannit ; retirez-le et déposez celui de ce client, ou, si c'est bien lui (nouveau catalogue, nouvelle clientèle), acceptez le lot avec « plannit2sage retry <dossier de dépôt> <lot refusé> --accept »
foreign-sign-items = { $foreign ->
    [one] { $foreign } produit
   *[other] { $foreign } produits
} sur { $total }
foreign-sign-customers = { $foreign ->
    [one] { $foreign } client
   *[other] { $foreign } clients
} sur { $total }
foreign-never-seen = { $names } jamais vus (ni dans la configuration ni dans les lots exportés)
foreign-sign-missing = { $foreign ->
    [one] { $foreign } document
   *[other] { $foreign } documents
} sur { $total } exportés pour ces dates absents de ce rapport
foreign-and = { $first } et { $second }
foreign-and-then = { $first }, et { $second }

## watch: a batch's warnings, a batch held for review, a retry that waits.

watch-line-warnings = , { $count ->
    [one] { $count } avertissement
   *[other] { $count } avertissements
}
watch-line-warnings-more = … et { $count ->
    [one] { $count } autre du même genre
   *[other] { $count } autres du même genre
} : voir la feuille Exceptions du classeur
watch-line-held = à vérifier ({ $files }) : { $count ->
    [one] { $count } avertissement
   *[other] { $count } avertissements
} ; rien n'est exporté avant votre accord ([watch] warnings = "hold")
watch-line-held-accept = pour l'exporter tel quel : plannit2sage retry "{ $root }" { $folder } --accept
watch-line-awaiting = en attente  reprise de rejected/{ $folder } : { $why }
watch-held-folder = a-verifier
watch-retried-folder = refus-{ $name }
watch-errors-fix-foreign = Ces fichiers ne semblent pas être des exports de ce client (voir l'erreur) : retirez-les et déposez ceux de ce client dans inbox/. Si c'est bien lui (nouveau catalogue, nouvelle clientèle), exportez ce lot tel quel : plannit2sage retry "{ $root }" { $folder } --accept

review-title = Ce lot attend votre vérification : il n'a PAS encore été exporté vers Sage 50.
review-why = { $count ->
    [one] Il porte { $count } avertissement, et la configuration retient ces lots ([watch] warnings = "hold") :
   *[other] Il porte { $count } avertissements, et la configuration retient ces lots ([watch] warnings = "hold") :
}
review-more = … et { $count ->
    [one] { $count } autre [{ $rule }]
   *[other] { $count } autres [{ $rule }]
} : voir la feuille Exceptions du classeur
review-accept = Si tout est en ordre, exportez-le tel quel : plannit2sage retry "{ $root }" { $folder } --accept
review-fix = Sinon, corrigez dans Plannit et déposez les nouveaux exports, ou corrigez la configuration : ce lot est alors repris de lui-même.

retry-note-held = retenu de nouveau pour vérification ({ $count ->
    [one] { $count } avertissement
   *[other] { $count } avertissements
}) : voir A-VERIFIER-TO-REVIEW.txt
retry-resolved = Ce lot a été repris le { $time } et n'attend plus rien : { $result }.

## status: the last batch's warnings, a voided batch, batches held.

status-voided = { "  " }ANNULÉ le { $time } : ses fichiers ont été mis à l'écart dans out/annulés ; ne l'importez pas
status-reversal = { "  " }son écriture d'annulation, pour Sage 50 : { $file }
status-last-valid = dernier lot valide : { $batch }, le { $time }, période { $period }, débits { $debits } $
status-no-valid-batch = aucun lot valide : tous les lots exportés ont été annulés
status-warnings = avertissements du lot { $batch } : { $count }
status-held = { $count ->
    [one] lot à vérifier
   *[other] lots à vérifier
} : { $names } (« plannit2sage retry "{ $root }" NOM --accept » l'exporte tel quel)

## watch: what a rejected batch waits for.

waiting-settling = la configuration vient d'être enregistrée : reprise dans { $seconds } s, une fois qu'elle n'aura plus changé pendant --quiet secondes
waiting-unchanged = configuration inchangée depuis le refus : corrigez ce que dit ERREURS-ERRORS.txt (la reprise se fait d'elle-même), ou « plannit2sage retry "{ $root }" { $folder } »
waiting-review = à vérifier : voir A-VERIFIER-TO-REVIEW.txt ; « plannit2sage retry "{ $root }" { $folder } --accept » l'exporte tel quel

## history void: a voided batch's files set aside, the reversal of an imported batch.

sage-reversal = Annul. lot { $batch }
sage-reversal-dated = Annul. lot { $batch } du { $date }
void-set-aside = mis à l'écart, à ne pas importer : { $path }
void-left = { $path } : { $reason } ; retirez-le de out/ vous-même pour ne pas l'importer par erreur
void-file-not-found = fichier introuvable
void-reversal-written = écriture d'annulation : { $path } ({ $entries ->
    [one] { $entries } écriture
   *[other] { $entries } écritures
}, débits { $debits }) : importez-la dans Sage 50 pour contrepasser le lot
void-no-entries = le lot { $batch } a été inscrit avant que l'historique garde ses écritures, et son fichier Sage { $file } est introuvable ou a changé depuis : impossible d'écrire son annulation ; remettez le fichier exporté à sa place, ou contrepassez le lot à la main dans Sage 50
void-after-year-end = le lot { $batch } a une écriture datée du { $date }, après la fin d'exercice { $year_end } de la configuration : Sage 50 n'accepterait pas son annulation ; corrigez [sage50] fiscal_year_end si l'exercice a changé
void-sage-problem = l'annulation du lot { $batch } ne passerait pas l'importation dans Sage 50 : { $problem }
void-already-reversed = le lot { $batch } est déjà annulé et son annulation déjà écrite : { $file }

## A drop folder named to the analyst's tools, history and run.

run-drop-folder = { $folder } est un dossier de dépôt : « plannit2sage watch "{ $folder }" --once » traite son inbox (et range ses fichiers) ; « plannit2sage run "{ $folder }" --dry-run » montre ce qu'il donnerait sans rien écrire
folder-batch-needs-drop-folder = { $folder } : --batch lit les fichiers archivés d'un dossier de dépôt (créé par « plannit2sage init ») ; ce dossier n'en est pas un
folder-no-batch = { $folder } : aucun lot exporté pour l'instant, rien d'archivé à lire
folder-batch-not-archived = aucun fichier archivé pour le lot { $batch } dans { $archive } (lots archivés : { $archived })
