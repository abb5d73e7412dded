<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/architectureview.cpp" line="40"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;in %3×%4×%5 → out %6×%7×%8&lt;br&gt;MACs %9&lt;br&gt;params %10&lt;br&gt;activations (training, per image, fp32) %11</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="52"/>
        <source>Explorer for compound model scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="55"/>
        <source>Render the window offscreen to FILE and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="57"/>
        <source>With --screenshot: run the default training first and capture its curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="58"/>
        <source>Interface language (en, ko).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="59"/>
        <source>Open a configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>scalescope::ArchitectureView</name>
    <message>
        <location filename="../widgets/architectureview.cpp" line="86"/>
        <source>Stem %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="87"/>
        <source>Head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="93"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;MACs %2 (%3%)&lt;br&gt;params %4&lt;br&gt;double-click to %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="96"/>
        <source>collapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="96"/>
        <source>expand into layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="106"/>
        <source>&lt;hr&gt;… %1 more layers (double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="141"/>
        <source>%1 — %2 px — %3 params — %4 MACs (multiply-adds; the papers&apos; FLOPs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="147"/>
        <source>blue: MBConv   orange: Fused-MBConv   green: Bottleneck   grey: stem and head</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>scalescope::CostPanel</name>
    <message>
        <location filename="../widgets/costpanel.cpp" line="31"/>
        <source> GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="33"/>
        <source>bf16 activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="34"/>
        <source>fp32 activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="35"/>
        <source>GPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="36"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="42"/>
        <source>Per stage: MACs and parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="50"/>
        <source>MACs against φ (current α, β, γ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="74"/>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 px&lt;br&gt;Parameters: &lt;b&gt;%3&lt;/b&gt; (%4)&lt;br&gt;MACs: &lt;b&gt;%5&lt;/b&gt; (multiply-adds; the papers&apos; &quot;FLOPs&quot;)&lt;br&gt;Training memory: %6 per image (estimate)&lt;br&gt;Largest batch in %7 GiB: &lt;b&gt;%8&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="85"/>
        <location filename="../widgets/costpanel.cpp" line="109"/>
        <source>MACs (G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="86"/>
        <location filename="../widgets/costpanel.cpp" line="111"/>
        <source>parameters (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="104"/>
        <source>stem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="104"/>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="108"/>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="120"/>
        <source>α^φ, β^φ, γ^φ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="135"/>
        <source>official B0–B7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="144"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="150"/>
        <source>φ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="151"/>
        <source>MACs (G, log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>scalescope::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="50"/>
        <source>Edit the baseline&apos;s stages and the per-stage multipliers; the scaled columns follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="57"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="58"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="61"/>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="65"/>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="73"/>
        <source>Refused — %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="98"/>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="99"/>
        <source>ScaleScope — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="103"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="104"/>
        <source>&amp;Open configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="105"/>
        <source>Open configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="105"/>
        <location filename="../app/gui/mainwindow.cpp" line="109"/>
        <source>ScaleScope configuration (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="108"/>
        <source>&amp;Save configuration as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="109"/>
        <source>Save configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="112"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="114"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="115"/>
        <source>Diagram as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="116"/>
        <source>Diagram as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="117"/>
        <source>Cost plots as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="118"/>
        <source>Cost plots as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="119"/>
        <source>Training curves as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="120"/>
        <source>Training curves as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="121"/>
        <source>Metrics as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="122"/>
        <source>timm arch_def (Python)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="124"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="126"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="127"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="129"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="136"/>
        <source>The language changes when ScaleScope starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="139"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="140"/>
        <source>&amp;About ScaleScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="141"/>
        <source>About ScaleScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="142"/>
        <source>&lt;b&gt;ScaleScope&lt;/b&gt; explores compound model scaling (EfficientNet), non-uniform scaling and progressive learning (EfficientNetV2) and ResNet-RS.&lt;br&gt;FLOPs in the papers are multiply-adds; ScaleScope shows them as MACs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="152"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="153"/>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="154"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="155"/>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="156"/>
        <source>Python (*.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="157"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="174"/>
        <source>Not exported — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="178"/>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="179"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="228"/>
        <source>Training in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="229"/>
        <source>A training run is in progress. Stop it (a checkpoint is saved) and quit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>scalescope::ScalingEditor</name>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="31"/>
        <source>%1 (official table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="35"/>
        <source>B1-B7 use the published width/depth/resolution table, not α^φ. Edit φ to scale the baseline by compound scaling instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="37"/>
        <source>Baseline / preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="38"/>
        <source>α (depth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="38"/>
        <source>β (width)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="38"/>
        <source>γ (resolution)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="38"/>
        <source>φ (compound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="59"/>
        <source>α·β²·γ²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="62"/>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="66"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="67"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="69"/>
        <source>Image size cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="94"/>
        <source>%1 (%2%3 from 2; MACs grow about %1^φ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="95"/>
        <source>n/a: explicit multipliers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>scalescope::StageTableModel</name>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="31"/>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="33"/>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="34"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="35"/>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="36"/>
        <source>Stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="37"/>
        <source>Expansion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="38"/>
        <source>SE ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="39"/>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="40"/>
        <source>Depth ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="41"/>
        <source>Width ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="42"/>
        <source>Scaled repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="43"/>
        <source>Scaled channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="44"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="45"/>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="68"/>
        <source>%1 multiply-adds (the papers&apos; FLOPs), %2 of the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="96"/>
        <source>Stage %1, %2: &quot;%3&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="109"/>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="127"/>
        <source>Stage %1, %2 refused: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>scalescope::TrainingPanel</name>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="64"/>
        <source>Synthetic shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="65"/>
        <source>Synthetic shapes (hard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="66"/>
        <source>Fashion-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="67"/>
        <source>CIFAR-10 (binary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="68"/>
        <source>Image folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="69"/>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="72"/>
        <source>default location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="73"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="76"/>
        <source>Data path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="78"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="79"/>
        <source>Training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="81"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="83"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="85"/>
        <source>Progressive (paper, Table 6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="86"/>
        <source>Progressive (official code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="87"/>
        <source>Fixed size (baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="88"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="90"/>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="100"/>
        <source>model&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="101"/>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="104"/>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="107"/>
        <source>RandAugment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="110"/>
        <source>Mixup α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="112"/>
        <source>SGD, Nesterov momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="113"/>
        <source>RMSProp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="114"/>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="116"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="118"/>
        <source>Automatic (CUDA if present)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="119"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="120"/>
        <source>CUDA GPU 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="121"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="123"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="124"/>
        <location filename="../widgets/trainingpanel.cpp" line="190"/>
        <location filename="../widgets/trainingpanel.cpp" line="275"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="125"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="134"/>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="140"/>
        <source>Runs on the plot: untick to hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="141"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="160"/>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="162"/>
        <source>train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="163"/>
        <source>val accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="165"/>
        <source>image px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="166"/>
        <source>regularization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="168"/>
        <location filename="../widgets/trainingpanel.cpp" line="315"/>
        <source>img/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="183"/>
        <source>Dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="193"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="198"/>
        <source>Stopping after this step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="288"/>
        <source>Not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="295"/>
        <source>#%1 %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="304"/>
        <source> loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="305"/>
        <source> val acc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="307"/>
        <source>image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="309"/>
        <source>dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="311"/>
        <source>RandAugment/30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="313"/>
        <source>mixup α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="324"/>
        <source>Preparing data and model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="366"/>
        <source>Epoch %1/%2, stage %3/%4 at %5 px — loss %6, %7 img/s, ETA %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="374"/>
        <source>Paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="377"/>
        <source>Stopped; checkpoint saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="380"/>
        <source>Finished in %1: val accuracy %2%, %3 img/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="383"/>
        <location filename="../widgets/trainingpanel.cpp" line="391"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="392"/>
        <source>Stopped; checkpoint saved in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
