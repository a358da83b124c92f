"""Baselines for the benchmark, doing the equivalent aggregation of the same
exports: DuckDB from the CSV files, pandas from the xlsx (openpyxl or
python-calamine engine). Each writes its grouped result (net per account) as CSV.

usage: baselines.py duckdb DATA_DIR OUT.csv
       baselines.py pandas-openpyxl DATA_DIR OUT.csv
       baselines.py pandas-calamine DATA_DIR OUT.csv
"""
import sys

MAPPING = {
    "Tonte de pelouse": "4001", "Taille de haie": "4001", "Aération du sol": "4001",
    "Ramassage de feuilles": "4001", "Déneigement résidentiel": "4002",
    "Déneigement commercial": "4002", "Sel et abrasif": "4002", "Entretien ménager": "4003",
}

DUCKDB_SQL = """
CREATE TEMP TABLE mapping AS SELECT * FROM (VALUES {values}) AS m(item, account);
CREATE TEMP TABLE sales AS SELECT * FROM read_csv('{data}/ventes-detaillees.csv', header = true, all_varchar = true);
CREATE TEMP TABLE payments AS
    SELECT *, CAST(replace(replace(replace(replace("Montant", ' $', ''), ' ', ''), chr(160), ''), ',', '.') AS DECIMAL(18, 2)) AS amount
    FROM read_csv('{data}/paiements.csv', header = true, delim = ';', all_varchar = true);
COPY (
    WITH lines AS (
        SELECT '1210' AS account, SUM(CAST("Total" AS DECIMAL(18, 2))) AS net FROM sales
        UNION ALL SELECT COALESCE(m.account, '4000'), -SUM(CAST(s."Montant" AS DECIMAL(18, 2)))
            FROM sales s LEFT JOIN mapping m ON m.item = s."Produit/Service" GROUP BY 1
        UNION ALL SELECT '2420', -SUM(CAST("TPS" AS DECIMAL(18, 2))) FROM sales
        UNION ALL SELECT '2500', -SUM(CAST("TVQ" AS DECIMAL(18, 2))) FROM sales
        UNION ALL SELECT '2430', -SUM(CAST("TVH" AS DECIMAL(18, 2))) FROM sales
        UNION ALL SELECT CASE WHEN "Mode de paiement" = 'Plannit Pay' THEN '1030' ELSE '1020' END,
            SUM(CASE WHEN "Type" = 'Remboursement' OR amount < 0 THEN -abs(amount) ELSE amount END)
            FROM payments GROUP BY 1
        UNION ALL SELECT '1210', -SUM(CASE WHEN "Type" = 'Remboursement' OR amount < 0 THEN -abs(amount) ELSE amount END) FROM payments
    )
    SELECT account, SUM(net) AS net FROM lines GROUP BY account ORDER BY account
) TO '{out}' (HEADER);
"""


def duckdb_baseline(data, out):
    import duckdb
    values = ", ".join(f"('{item}', '{account}')" for item, account in MAPPING.items())
    duckdb.connect().execute(DUCKDB_SQL.format(values=values, data=data, out=out))


def pandas_baseline(data, out, engine):
    from decimal import Decimal
    import pandas as pd
    sales = pd.read_excel(f"{data}/ventes-detaillees.xlsx", engine=engine)
    sales["account"] = sales["Produit/Service"].map(MAPPING).fillna("4000")
    to_cents = lambda column: (sales[column].fillna(0) * 100).round().astype("int64")
    nets = {"1210": int(to_cents("Total").sum()), "2420": -int(to_cents("TPS").sum()),
            "2500": -int(to_cents("TVQ").sum()), "2430": -int(to_cents("TVH").sum())}
    sales["cents"] = to_cents("Montant")
    for account, cents in sales.groupby("account")["cents"].sum().items():
        nets[account] = nets.get(account, 0) - int(cents)
    pd.DataFrame([(a, Decimal(c) / 100) for a, c in sorted(nets.items())], columns=["account", "net"]).to_csv(out, index=False)


if __name__ == "__main__":
    kind, data, out = sys.argv[1:4]
    if kind == "duckdb":
        duckdb_baseline(data, out)
    elif kind == "pandas-openpyxl":
        pandas_baseline(data, out, "openpyxl")
    elif kind == "pandas-calamine":
        pandas_baseline(data, out, "calamine")
    else:
        sys.exit(f"unknown baseline {kind}")
