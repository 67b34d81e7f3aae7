#!/usr/bin/env bash
# Billing benchmark: a billing run over 100,000 active monthly subscriptions, then the same run again.
#   bash bench/billing/run.sh              # 100,000 subscriptions
#   SUBSCRIPTIONS=20000 bash bench/billing/run.sh
# Needs the PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres). Prints the two durations.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${SUBSCRIPTIONS:-100000}
DB=moonknight_billing_bench
WORK=${WORK:-/tmp/moonknight-billing-bench}
HTTP=18090
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
JAVA=$(ls -d /usr/lib/jvm/temurin-25* | head -1)/bin/java

rm -rf "$WORK"; mkdir -p "$WORK"
$PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"
echo "== building and starting MoonKnight"
./mvnw -q -B -ntp -DskipTests package
JAR=$(ls target/moonknight-*.jar | grep -v plain | head -1)
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" "$JAVA" -Xmx1g -jar "$JAR" --server.port=$HTTP \
    --moonknight.data-dir="$WORK/data" --moonknight.demo.enabled=false --moonknight.radius.enabled=false \
    --moonknight.billing.daily-run=false --moonknight.platform.admin-password=bench-operator-password \
    --logging.level.root=WARN > "$WORK/moonknight.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf localhost:$HTTP/actuator/health >/dev/null; do sleep 1; done

json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sS --fail-with-body localhost:$HTTP/api/v1/auth/login -H 'content-type: application/json' \
    -d '{"username":"operator","password":"bench-operator-password"}' | json '["accessToken"]')
TENANT=$(curl -sS --fail-with-body localhost:$HTTP/api/v1/platform/tenants -H 'content-type: application/json' \
    -H "authorization: Bearer $TOKEN" -d '{"slug":"bench","name":"Bench ISP","timezone":"UTC","currency":"USD",
    "locale":"en","admin":{"username":"admin","email":"admin@bench.test","fullName":"Bench Admin",
    "password":"bench-staff-passphrase-9"}}' | json '["id"]')
TOKEN=$(curl -sS --fail-with-body localhost:$HTTP/api/v1/auth/login -H 'content-type: application/json' \
    -d '{"tenant":"bench","username":"admin","password":"bench-staff-passphrase-9"}' | json '["accessToken"]')
api() { curl -sS --fail-with-body -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" "$@"; }
PLAN=$(api localhost:$HTTP/api/v1/plans -d '{"code":"M25","name":"Home 25","billingType":"MONTHLY_POSTPAID",
    "price":"25.00","downloadKbps":25000,"uploadKbps":10000}' | json '["id"]')

echo "== seeding $N customers with one active subscription each (a tenth started mid last month)"
$PSQL -d $DB <<SQL
insert into customers.customers (id, tenant_id, account_number, type, display_name, status, search_text, created_at,
    updated_at)
select gen_random_uuid(), '$TENANT', 'C-' || lpad(n::text, 7, '0'), 'INDIVIDUAL', 'Customer ' || n, 'ACTIVE',
    'customer ' || n, now(), now()
from generate_series(1, $N) n;
insert into subscriptions.subscriptions (id, tenant_id, customer_id, plan_id, access_type, username, ipv4_mode,
    ipv6_mode, start_date, status, status_changed_at, activated_at, created_at, updated_at)
select gen_random_uuid(), '$TENANT', c.id, '$PLAN', 'PPPOE', 'u' || c.account_number, 'NONE', 'NONE',
    case when row_number() over () % 10 = 0 then date_trunc('month', now())::date - 10
         else date_trunc('month', now())::date - interval '3 months' end,
    'ACTIVE', now(), now(), now(), now()
from customers.customers c where c.tenant_id = '$TENANT';
analyze;
SQL

run() {
    local started=$(date +%s.%N)
    local id=$(api localhost:$HTTP/api/v1/billing-runs -d '{"awaitCompletion":true}' | json '["id"]')
    local finished=$(date +%s.%N)
    local run=$(api localhost:$HTTP/api/v1/billing-runs/$id)
    echo "$run" | python3 -c "import sys,json; r=json.load(sys.stdin); print(f\"status={r['status']} subscriptions={r['total']} invoiced={r['invoiced']} amount={r['amount']}\", end=' ')"
    python3 -c "print(f'seconds={$finished - $started:.1f}')"
}
echo "== first run (bills last month)"
FIRST=$(run); echo "$FIRST"
echo "== the same run again (bills nothing)"
SECOND=$(run); echo "$SECOND"
COUNTS=$($PSQL -d $DB -At -c "select (select count(*) from billing.invoices), (select count(*) from billing.ledger_entries),
    (select count(distinct number) from billing.invoices), (select max(number) from billing.invoices)")
echo "invoices | ledger entries | distinct numbers | last number: $COUNTS"
