#!/usr/bin/env bash
# Builds the same generated Markdown (pages-5k by default) with Hugo and with ReportSite, and reports the ratio.
# Usage: bash bench/hugo/compare.sh [CORPUS] [RUNS]
# Hugo 0.111 comes from Debian (installed here when missing). Its site uses a minimal layout equivalent to ours
# (a page per section with title and content, an index listing them) and no taxonomies, RSS or sitemap.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:-pages-5k}"
runs="${2:-5}"
root="bench/corpora"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v hugo >/dev/null || { apt-get update -q && apt-get -o DPkg::Lock::Timeout=300 install -y -q hugo; }
# The Release CLI as users install it (Native AOT), as bench build uses.
dotnet publish src/ReportSite.Cli -c Release -r linux-x64 -p:PublishAot=true -o bench/.publish --nologo -v q >/dev/null
cli=bench/.publish/reportsite
dotnet build bench/ReportSite.Bench -c Release --nologo -v q >/dev/null
[ -d "$root/$corpus" ] || dotnet bench/ReportSite.Bench/bin/Release/net10.0/ReportSite.Bench.dll generate "$corpus" "$root"

# Lay the same Markdown out for Hugo: content/sections/*.md (front matter title/summary is valid for both).
hugo_site="$work/hugo"
mkdir -p "$hugo_site/content/sections" "$hugo_site/layouts/_default"
cp "$root/$corpus"/sections/*.md "$hugo_site/content/sections/"
cat > "$hugo_site/config.toml" <<'TOML'
baseURL = "http://localhost/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404", "robotsTXT"]
relativeURLs = true
uglyURLs = true  # sections/x.html, one file per page as ReportSite writes (not a folder per page)
[markup.goldmark.renderer]
unsafe = true
TOML
cat > "$hugo_site/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="/assets/style.css"></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$hugo_site/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><p class="lead">{{ .Params.summary }}</p>{{ .Content }}{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</article>{{ end }}
HTML
cat > "$hugo_site/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ol>{{ end }}
HTML
cp "$hugo_site/layouts/_default/list.html" "$hugo_site/layouts/index.html"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() { # "command" -> median wall seconds over $runs runs after one warm-up
  bash -c "$1" >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N); bash -c "$1" >/dev/null 2>&1; end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
  done | median
}

# Every run writes into a folder that never existed; nothing is deleted until the end (see bench/README.md: deleting
# thousands of files makes the next file creations slow on this VM's ext4, for whichever tool comes next).
hugo_time=$(time_runs "hugo --quiet --source $hugo_site --destination $work/hugo-out-\$(date +%s%N)")
rs_time=$(time_runs "$cli build $root/$corpus --output $work/rs-out-\$(date +%s%N)/site")
echo "hugo $(hugo version | awk '{print $2}'): ${hugo_time} s (median of $runs)"
echo "reportsite: ${rs_time} s (median of $runs, full build from scratch)"
awk -v r="$rs_time" -v h="$hugo_time" 'BEGIN { printf "ratio reportsite/hugo: %.2f\n", r / h }'
