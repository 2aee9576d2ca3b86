# The main job (PowerShell twin of run-eval.sh): builds the harness and its plugins
# (Release; on Linux the build also patches TorchSharp's glue library where libstdc++ lacks
# GLIBCXX_3.4.32, see plugins/TorchSharpT5/README.md), runs every backend of eval.yaml over the
# test split, and prints where the report is.
# Usage: ./run-eval.ps1 [harness eval options: --run-id NAME | --out DIR | --resume ...]
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

# Nothing to install first: llama.cpp (LLamaSharp's backend package) and ONNX Runtime come
# from NuGet with the build.
dotnet build Harness.sln -c Release -nologo -v q
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$extra = @($args)
$runId = $null; $out = $null
for ($i = 0; $i -lt $extra.Count; $i++) {
    if ($extra[$i] -eq '--run-id' -and $i + 1 -lt $extra.Count) { $runId = $extra[$i + 1] }
    if ($extra[$i] -eq '--out' -and $i + 1 -lt $extra.Count) { $out = $extra[$i + 1] }
}
if (-not $runId -and -not $out) {
    $runId = 'eval-' + [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss')
    $extra += @('--run-id', $runId)
}
$reportDir = if ($out) { $out } else { Join-Path 'reports' $runId }

dotnet src/Harness.Cli/bin/Release/net10.0/harness.dll eval --config eval.yaml @extra
$status = $LASTEXITCODE

Write-Host "report folder: $reportDir"
foreach ($f in 'index.html', 'report.md', 'summary.json', 'run.json') {
    $p = Join-Path $reportDir $f
    if (Test-Path $p) { Write-Host "  $p" }
}
exit $status
