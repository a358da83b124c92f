# What keeps an unattended drop folder safe: a foreign export stopped, a
# batch with warnings shown (or held), a voided batch's files set aside.

## A drop that is not this client's (foreign_export).

foreign-export = ce rapport ne semble pas être celui de ce client : { $signs } ; rien n'est comptabilisé. Vérifiez de quel compte Plannit vient l'export et déposez celui de ce client ; si c'est bien lui (nouveau catalogue, nouvelle clientèle), exportez ce lot tel quel avec « plannit2sage retry <dossier de dépôt> <lot refusé> --accept »
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
