<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/architectureview.cpp" line="47"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;in %3×%4×%5 → out %6×%7×%8&lt;br&gt;MACs %9&lt;br&gt;params %10&lt;br&gt;activations (training, per image, fp32) %11</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;입력 %3×%4×%5 → 출력 %6×%7×%8&lt;br&gt;MAC %9&lt;br&gt;파라미터 %10&lt;br&gt;활성화 메모리 (학습, 이미지당, fp32) %11</translation>
    </message>
</context>
<context>
    <name>RunResults</name>
    <message>
        <location filename="../widgets/runresults.cpp" line="59"/>
        <source>seed %1: %2</source>
        <translation>시드 %1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runresults.cpp" line="62"/>
        <source>not trained</source>
        <translation>학습 안 됨</translation>
    </message>
    <message>
        <location filename="../widgets/runresults.cpp" line="63"/>
        <source>The mean over %1 seeds ± its standard error
%2</source>
        <translation>시드 %1개의 평균 ± 표준 오차
%2</translation>
    </message>
</context>
<context>
    <name>TableText</name>
    <message>
        <location filename="../widgets/tabletext.cpp" line="59"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="81"/>
        <source>Explorer for compound model scaling</source>
        <translation>복합 모델 스케일링 탐색기</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="86"/>
        <source>Render the window offscreen to FILE and exit.</source>
        <translation>창을 화면 밖에서 FILE로 렌더링하고 종료합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="90"/>
        <source>With --screenshot: run the default training first and capture its curves.</source>
        <translation>--screenshot과 함께: 기본 학습을 먼저 실행하고 곡선을 캡처합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="94"/>
        <source>With --train: then train again at a fixed size, overlaid.</source>
        <translation>--train과 함께: 이어서 고정 크기로 다시 학습하여 겹쳐 표시합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="98"/>
        <source>With --screenshot: measure the model&apos;s speed first and show it.</source>
        <translation>--screenshot와 함께: 먼저 모델의 속도를 측정해 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="101"/>
        <source>Interface language (en, ko).</source>
        <translation>인터페이스 언어 (en, ko).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="104"/>
        <source>Open a configuration file.</source>
        <translation>구성 파일을 엽니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="108"/>
        <source>Overlay a finished run&apos;s curves from its folder (repeatable); shows the training tab.</source>
        <translation>끝난 실행의 곡선을 그 폴더에서 불러와 겹쳐 그립니다(여러 번 지정 가능). 학습 탭을 엽니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="113"/>
        <source>Training curves against epochs or time.</source>
        <translation>학습 곡선의 가로축: 에포크 또는 시간.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="117"/>
        <source>Open the evaluation of a run folder; with --screenshot, evaluate it at the suggested test sizes and capture that window.</source>
        <translation>실행 폴더의 평가 창을 엽니다. --screenshot과 함께 쓰면 제안된 테스트 크기로 평가하고 그 창을 캡처합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="123"/>
        <source>Open the image classification of a run folder; with --screenshot, classify the --classify images and capture that window.</source>
        <translation>실행 폴더의 이미지 분류 창을 엽니다. --screenshot과 함께 쓰면 --classify 이미지를 분류하고 그 창을 캡처합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="129"/>
        <source>An image file or folder to classify with the --classify-run run (repeatable).</source>
        <translation>--classify-run 실행으로 분류할 이미지 파일 또는 폴더(여러 번 지정 가능).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="134"/>
        <source>Open the scaling study window on a study folder (scalescope-cli study --train); with --screenshot, capture that window.</source>
        <translation>스케일링 연구 폴더(scalescope-cli study --train)로 스케일링 연구 창을 엽니다. --screenshot과 함께 쓰면 그 창을 캡처합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="140"/>
        <source>Open the grid search window on a grid folder (scalescope-cli grid --train); with --screenshot, capture that window.</source>
        <translation>그리드 폴더(scalescope-cli grid --train)로 그리드 탐색 창을 엽니다. --screenshot과 함께 쓰면 그 창을 캡처합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="146"/>
        <source>Open File → Browse training runs… on a folder of runs (or a study&apos;s or grid&apos;s folder); with --screenshot, capture that window.</source>
        <translation>파일 → 학습 실행 둘러보기…를 실행 폴더(또는 연구나 그리드 폴더)로 엽니다. --screenshot과 함께 쓰면 그 창을 캡처합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="152"/>
        <source>With --open-run: set the runs against the fixed-size one by wall time (Compare runs…); with --screenshot, capture that window.</source>
        <translation>--open-run과 함께: 실행들을 고정 크기 실행과 벽시계 시간으로 비교합니다(실행 비교…). --screenshot과 함께: 그 창을 캡처합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="157"/>
        <source>With --compare-runs: average the runs that differ only in their seed (Average over seeds).</source>
        <translation>--compare-runs와 함께: 시드만 다른 실행들을 평균합니다(시드 평균).</translation>
    </message>
</context>
<context>
    <name>scalescope::ArchitectureView</name>
    <message>
        <location filename="../widgets/architectureview.cpp" line="120"/>
        <source>Stem %1</source>
        <translation>스템 %1</translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="122"/>
        <source>Head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="133"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;MACs %2 (%3%)&lt;br&gt;params %4&lt;br&gt;double-click to %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;MAC %2 (%3%)&lt;br&gt;파라미터 %4&lt;br&gt;더블클릭하여 %5</translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="137"/>
        <source>collapse</source>
        <translation>접기</translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="137"/>
        <source>expand into layers</source>
        <translation>레이어로 펼치기</translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="154"/>
        <source>&lt;hr&gt;… %1 more layers (double-click)</source>
        <translation>&lt;hr&gt;… 레이어 %1개 더 (더블클릭)</translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="202"/>
        <source>%1 — %2 px — %3 params — %4 MACs (multiply-adds; the papers&apos; FLOPs)</source>
        <translation>%1 — %2 px — 파라미터 %3 — MAC %4 (곱셈-누산; 논문의 FLOPs)</translation>
    </message>
    <message>
        <location filename="../widgets/architectureview.cpp" line="210"/>
        <source>blue: MBConv   orange: Fused-MBConv   green: Bottleneck   grey: stem and head</source>
        <translation>파랑: MBConv   주황: Fused-MBConv   초록: Bottleneck   회색: 스템과 헤드</translation>
    </message>
</context>
<context>
    <name>scalescope::BlockTypeDelegate</name>
    <message>
        <location filename="../widgets/blocktypedelegate.cpp" line="16"/>
        <source>MBConv</source>
        <translation>MBConv</translation>
    </message>
    <message>
        <location filename="../widgets/blocktypedelegate.cpp" line="17"/>
        <source>Fused-MBConv</source>
        <translation>Fused-MBConv</translation>
    </message>
</context>
<context>
    <name>scalescope::ClassScoreModel</name>
    <message>
        <location filename="../widgets/classscoremodel.cpp" line="40"/>
        <source>%1 of the %2 images of %3 were taken for %4</source>
        <translation>%3의 이미지 %2개 중 %1개를 %4(으)로 보았습니다</translation>
    </message>
    <message>
        <location filename="../widgets/classscoremodel.cpp" line="72"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/classscoremodel.cpp" line="85"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/classscoremodel.cpp" line="87"/>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../widgets/classscoremodel.cpp" line="89"/>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../widgets/classscoremodel.cpp" line="91"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../widgets/classscoremodel.cpp" line="93"/>
        <source>Most often taken for</source>
        <translation>가장 자주 혼동한 클래스</translation>
    </message>
</context>
<context>
    <name>scalescope::CostPanel</name>
    <message>
        <location filename="../widgets/costpanel.cpp" line="45"/>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="47"/>
        <source>bf16 activations</source>
        <translation>bf16 활성화</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="48"/>
        <source>fp32 activations</source>
        <translation>fp32 활성화</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="49"/>
        <source>GPU memory</source>
        <translation>GPU 메모리</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="50"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="53"/>
        <source>Pin as reference</source>
        <translation>기준으로 고정</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="55"/>
        <source>Keep this model to compare the next edits against: its costs are drawn in grey and the ratios listed.</source>
        <translation>이 모델을 기준으로 두고 이후 편집과 비교합니다: 기준의 비용은 회색으로 그리고 비율을 표시합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="57"/>
        <source>Clear reference</source>
        <translation>기준 해제</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="72"/>
        <source>Per stage: MACs and parameters</source>
        <translation>스테이지별 MAC과 파라미터</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="74"/>
        <source>MACs against φ (current α, β, γ)</source>
        <translation>φ에 따른 MAC (현재 α, β, γ)</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="119"/>
        <source>&lt;b&gt;Against the reference&lt;/b&gt; (%1): parameters %2, MACs %3, training memory per image %4</source>
        <translation>&lt;b&gt;기준 대비&lt;/b&gt; (%1): 파라미터 %2, MAC %3, 이미지당 학습 메모리 %4</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="124"/>
        <source>&lt;br&gt;φ %1 → %2: (α·β²·γ²)^Δφ predicts MACs %3, the rounded model has %4</source>
        <translation>&lt;br&gt;φ %1 → %2: (α·β²·γ²)^Δφ의 예측은 MAC %3, 반올림된 모델은 %4</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="128"/>
        <source>&lt;br&gt;The stages differ in number: the bars show no reference.</source>
        <translation>&lt;br&gt;스테이지 수가 달라 막대에는 기준을 표시하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="141"/>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 px&lt;br&gt;Parameters: &lt;b&gt;%3&lt;/b&gt; (%4)&lt;br&gt;MACs: &lt;b&gt;%5&lt;/b&gt; (multiply-adds; the papers&apos; &quot;FLOPs&quot;)&lt;br&gt;Training memory: %6 per image (estimate)&lt;br&gt;Largest batch in %7 GiB: &lt;b&gt;%8&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2 px&lt;br&gt;파라미터: &lt;b&gt;%3&lt;/b&gt; (%4)&lt;br&gt;MAC: &lt;b&gt;%5&lt;/b&gt; (곱셈-누산; 논문의 &quot;FLOPs&quot;)&lt;br&gt;학습 메모리: 이미지당 %6 (추정)&lt;br&gt;%7 GiB에 들어가는 최대 배치: &lt;b&gt;%8&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="166"/>
        <source>reference MACs (G)</source>
        <translation>기준 MAC (G)</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="172"/>
        <location filename="../widgets/costpanel.cpp" line="206"/>
        <source>MACs (G)</source>
        <translation>MAC (G)</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="173"/>
        <location filename="../widgets/costpanel.cpp" line="208"/>
        <source>parameters (M)</source>
        <translation>파라미터 (M)</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="198"/>
        <source>stem</source>
        <translation>스템</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="200"/>
        <source>head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="205"/>
        <source>stage</source>
        <translation>스테이지</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="217"/>
        <source>α^φ, β^φ, γ^φ</source>
        <translation>α^φ, β^φ, γ^φ</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="232"/>
        <source>official B0–B7</source>
        <translation>공식 B0–B7</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="251"/>
        <source>reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="258"/>
        <source>current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="264"/>
        <source>φ</source>
        <translation>φ</translation>
    </message>
    <message>
        <location filename="../widgets/costpanel.cpp" line="265"/>
        <source>MACs (G, log)</source>
        <translation>MAC (G, 로그)</translation>
    </message>
</context>
<context>
    <name>scalescope::EvaluationDialog</name>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="50"/>
        <source>Evaluate %1</source>
        <translation>%1 평가</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="61"/>
        <source>the run&apos;s</source>
        <translation>실행의 설정</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="62"/>
        <source>GPU (cuda:0)</source>
        <translation>GPU (cuda:0)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="63"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="66"/>
        <source>Test image sizes in pixels: 64, or 48, 64, 96, or FROM:TO:STEP such as 32:128:16</source>
        <translation>테스트 이미지 크기(픽셀): 64, 또는 48, 64, 96, 또는 32:128:16 같은 시작:끝:간격</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="70"/>
        <source>the run&apos;s validation set</source>
        <translation>실행의 검증 세트</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="71"/>
        <source>all of the dataset&apos;s test images</source>
        <translation>데이터셋의 모든 테스트 이미지</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="72"/>
        <source>Score the trained weights, not their EMA</source>
        <translation>EMA가 아닌 학습된 가중치를 평가</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="74"/>
        <source>The run validated (and saved) the average of its weights; the trained ones can be ahead of it or behind</source>
        <translation>실행은 가중치의 평균(EMA)으로 검증하고 저장했습니다. 학습된 가중치는 그보다 앞서거나 뒤처질 수 있습니다</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="76"/>
        <source>Test sizes</source>
        <translation>테스트 크기</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="77"/>
        <source>Test images</source>
        <translation>테스트 이미지</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="78"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="83"/>
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="86"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="88"/>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="96"/>
        <source>Classify images…</source>
        <translation>이미지 분류…</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="98"/>
        <source>Classify image files of your own with this run&apos;s weights</source>
        <translation>이 실행의 가중치로 직접 가진 이미지 파일을 분류합니다</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="113"/>
        <source>Accuracy against the test image size</source>
        <translation>테스트 이미지 크기에 따른 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="114"/>
        <source>test image size (px)</source>
        <translation>테스트 이미지 크기 (px)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="115"/>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="124"/>
        <source>Confusion matrix and classes at</source>
        <translation>혼동 행렬과 클래스별 점수:</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="130"/>
        <source>predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="131"/>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="137"/>
        <source>share of the true class</source>
        <translation>실제 클래스 중 비율</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="172"/>
        <source>This folder cannot be evaluated — %1</source>
        <translation>이 폴더는 평가할 수 없습니다 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="179"/>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="179"/>
        <source>%1–%2 px</source>
        <translation>%1–%2 px</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="180"/>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2, %3 epochs; trained at %4, validated at %5 px.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2, %3 에포크. %4에서 학습, %5 px에서 검증.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="191"/>
        <source>Not evaluated yet. The sizes suggested run from below the smallest training size to 1.5× the validated one.</source>
        <translation>아직 평가하지 않았습니다. 제안된 크기는 가장 작은 학습 크기 아래에서 검증 크기의 1.5배까지입니다.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="206"/>
        <location filename="../widgets/evaluationdialog.cpp" line="234"/>
        <source>Not evaluated — %1</source>
        <translation>평가하지 못했습니다 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="250"/>
        <source>Evaluated on %1: %2 test images at one size.</source>
        <translation>%1에서 평가: 테스트 이미지 %2개, 크기 1개.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="251"/>
        <source>Evaluated on %1: %2 test images at %3 sizes.</source>
        <translation>%1에서 평가: 테스트 이미지 %2개, 크기 %3개.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="204"/>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="238"/>
        <source>Loading the test images and the checkpoint…</source>
        <translation>테스트 이미지와 체크포인트를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="296"/>
        <source>The EMA of the weights after %1 of %2 epochs, %3 test images of %4.</source>
        <translation>%2 에포크 중 %1 에포크 후 가중치의 EMA, %4의 테스트 이미지 %3개.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="298"/>
        <source>The trained weights after %1 of %2 epochs, %3 test images of %4.</source>
        <translation>%2 에포크 중 %1 에포크 후 학습된 가중치, %4의 테스트 이미지 %3개.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="305"/>
        <source>&lt;b&gt;Best: %1 top-1&lt;/b&gt; (top-%2 %3) at &lt;b&gt;%4 px&lt;/b&gt;.</source>
        <translation>&lt;b&gt;최고: top-1 %1&lt;/b&gt; (top-%2 %3), &lt;b&gt;%4 px&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="311"/>
        <source>At the validated %1 px: %2, %3 points under.</source>
        <translation>검증 크기 %1 px에서: %2, %3포인트 낮음.</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="318"/>
        <source>%1 px (%2)</source>
        <translation>%1 px (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="344"/>
        <source>top-1</source>
        <translation>top-1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="349"/>
        <source>top-%1</source>
        <translation>top-%1</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="374"/>
        <source>trained</source>
        <translation>학습 범위</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="429"/>
        <source>nothing has been evaluated yet</source>
        <translation>아직 평가한 것이 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="436"/>
        <source>Export the evaluation</source>
        <translation>평가 내보내기</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="438"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/evaluationdialog.cpp" line="441"/>
        <source>Not exported</source>
        <translation>내보내지 못했습니다</translation>
    </message>
</context>
<context>
    <name>scalescope::ExplorerDocument</name>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="143"/>
        <source>Replace the configuration</source>
        <translation>구성 바꾸기</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="150"/>
        <source>Load %1</source>
        <translation>%1 불러오기</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="173"/>
        <source>Set %1 to %2</source>
        <translation>%1 = %2 설정</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="176"/>
        <source>Set the coefficients</source>
        <translation>계수 설정</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="188"/>
        <source>Set stage %1&apos;s multipliers</source>
        <translation>스테이지 %1 배수 설정</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="195"/>
        <source>Edit stage %1</source>
        <translation>스테이지 %1 편집</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="200"/>
        <source>Duplicate stage %1</source>
        <translation>스테이지 %1 복제</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="205"/>
        <source>Remove stage %1</source>
        <translation>스테이지 %1 제거</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="211"/>
        <source>Cap the image size at %1 px</source>
        <translation>이미지 크기 상한 %1 px</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="212"/>
        <source>Remove the image size cap</source>
        <translation>이미지 크기 상한 해제</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="218"/>
        <source>Change the training settings</source>
        <translation>학습 설정 변경</translation>
    </message>
    <message>
        <location filename="../widgets/explorerdocument.cpp" line="228"/>
        <source>Open %1</source>
        <translation>%1 열기</translation>
    </message>
</context>
<context>
    <name>scalescope::GridCandidateModel</name>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="157"/>
        <source>Points above or below the paper&apos;s α 1.2, β 1.1, γ 1.15, seed by seed, with the standard error; in brackets the seeds where the candidate scored higher</source>
        <translation>논문의 α 1.2, β 1.1, γ 1.15보다 높거나 낮은 점수(시드별, 표준 오차 포함); 괄호 안은 후보가 더 높았던 시드 수</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="162"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="164"/>
        <source>β</source>
        <translation>β</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="166"/>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="168"/>
        <source>α·β²·γ²</source>
        <translation>α·β²·γ²</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="170"/>
        <source>Depth ×</source>
        <translation>깊이 ×</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="172"/>
        <source>Width ×</source>
        <translation>너비 ×</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="174"/>
        <source>Image px</source>
        <translation>이미지 px</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="176"/>
        <source>Trains at px</source>
        <translation>학습 px</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="178"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="180"/>
        <source>MACs</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="182"/>
        <source>Val accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="184"/>
        <source>Δ 1.2/1.1/1.15</source>
        <translation>Δ 1.2/1.1/1.15</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="237"/>
        <source>Points above or below the paper&apos;s α 1.2, β 1.1, γ 1.15, seed by seed: the mean of %1 differences ± its standard error; higher at %2 of them (the count in brackets). A seed trains both on the same images and validates them on the same set, so the set&apos;s own difficulty cancels.</source>
        <translation>논문의 α 1.2, β 1.1, γ 1.15보다 높거나 낮은 점수(시드별): 차이 %1개의 평균 ± 표준 오차; 그중 %2개에서 더 높음(괄호 안의 수). 한 시드는 둘을 같은 이미지로 학습하고 같은 세트로 검증하므로 세트 자체의 난이도는 상쇄됩니다.</translation>
    </message>
</context>
<context>
    <name>scalescope::GridSearchDialog</name>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="282"/>
        <source>Grid search for α, β, γ</source>
        <translation>α, β, γ 그리드 탐색</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="285"/>
        <source>EfficientNet fixed φ = 1 and searched a small grid of α, β, γ with α·β²·γ² ≈ 2 (MACs about double per unit of φ); it found 1.2, 1.1, 1.15. Costs are for the current baseline. Train selected trains them with the training tab&apos;s settings.</source>
        <translation>EfficientNet은 φ = 1로 고정하고 α·β²·γ² ≈ 2(φ 1마다 MAC가 약 두 배)인 α, β, γ를 작은 그리드에서 탐색해 1.2, 1.1, 1.15를 찾았습니다. 비용은 현재 기준 모델의 것입니다. &apos;선택 항목 학습&apos;은 학습 탭의 설정으로 후보를 학습합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="312"/>
        <source>α, β, γ from</source>
        <translation>α, β, γ 시작</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="313"/>
        <source>to</source>
        <translation>끝</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="314"/>
        <source>in steps of</source>
        <translation>간격</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="315"/>
        <source>α·β²·γ² within</source>
        <translation>α·β²·γ² 허용 오차</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="316"/>
        <source>of 2, at φ</source>
        <translation>(2 기준), φ</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="321"/>
        <source>Each candidate is trained at the training seed and the next ones; its accuracy is their mean ± its standard error, and each is set against 1.2, 1.1, 1.15 seed by seed. On a small set one run&apos;s accuracy moves by points between seeds.</source>
        <translation>각 후보는 학습 시드와 그다음 시드들로 학습됩니다. 정확도는 그 평균 ± 표준 오차이며, 시드별로 1.2, 1.1, 1.15와 비교됩니다. 작은 세트에서는 한 번의 실행 정확도가 시드에 따라 몇 포인트씩 달라집니다.</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="325"/>
        <source>Seeds per candidate</source>
        <translation>후보당 시드 수</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="348"/>
        <source>Use its α, β, γ</source>
        <translation>이 α, β, γ 사용</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="349"/>
        <source>Sets the selected candidate&apos;s α, β, γ; φ stays as it is (undoable)</source>
        <translation>선택한 후보의 α, β, γ를 적용합니다. φ는 그대로입니다(실행 취소 가능)</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="350"/>
        <source>Train selected</source>
        <translation>선택 항목 학습</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="352"/>
        <source>Open grid…</source>
        <translation>그리드 열기…</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="354"/>
        <source>Shows a grid trained before, here or by scalescope-cli grid --train; Train then trains into its folder</source>
        <translation>여기서 또는 scalescope-cli grid --train으로 이전에 학습한 그리드를 보여 줍니다. 이후 학습은 그 폴더에 이어서 합니다</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="358"/>
        <source>Open a grid folder</source>
        <translation>그리드 폴더 열기</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="364"/>
        <source>Trains each selected candidate at this φ with the training tab&apos;s settings, one after the other; Stop ends the queue</source>
        <translation>선택한 후보를 이 φ에서 학습 탭의 설정으로 차례로 학습합니다. 중지하면 대기열도 끝납니다</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="470"/>
        <source>No α, β, γ of this grid lies within %1 of 2: widen the tolerance or the grid.</source>
        <translation>이 그리드에는 2에서 %1 이내인 α, β, γ가 없습니다. 허용 오차나 그리드를 넓히세요.</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="473"/>
        <source>The %1 candidates closest to 2, for %2 (the grid&apos;s --limit).</source>
        <translation>%2의 후보 중 2에 가장 가까운 %1개(그리드의 --limit).</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="475"/>
        <source>%1 candidates, closest to 2 first, for %2.</source>
        <translation>%2의 후보 %1개 (2에 가까운 순).</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="480"/>
        <source>Refused — %1</source>
        <translation>거부됨 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="558"/>
        <source>(a new folder: %1)</source>
        <translation>(새 폴더: %1)</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="593"/>
        <source>Recording the grid in a new folder…</source>
        <translation>새 폴더에 그리드를 기록하는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="594"/>
        <source>Recording the grid in %1…</source>
        <translation>%1에 그리드를 기록하는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="615"/>
        <source>Training into %1 %2</source>
        <translation>%1에 학습 %2</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="631"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="640"/>
        <source>Not a grid folder</source>
        <translation>그리드 폴더가 아님</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="651"/>
        <source>a run is training; open the grid after it ends</source>
        <translation>실행이 학습 중입니다. 끝난 뒤 그리드를 여세요</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="660"/>
        <source>%1: its model was refused</source>
        <translation>%1: 모델이 거부되었습니다</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="676"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="688"/>
        <source>Opened %1: %2 of its %3 runs trained.</source>
        <translation>%1 열림: 실행 %3개 중 %2개 학습됨.</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="693"/>
        <source>%1 stopped (Train continues them).</source>
        <translation>%1개 중단됨(학습 시 이어서 진행).</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="696"/>
        <source>%1 of another grid or model are not shown.</source>
        <translation>다른 그리드나 모델의 실행 %1개는 표시하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/gridsearchdialog.cpp" line="699"/>
        <source>Not read: %1</source>
        <translation>읽지 못함: %1</translation>
    </message>
</context>
<context>
    <name>scalescope::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="130"/>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="131"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="134"/>
        <source>Scaling</source>
        <translation>스케일링</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="138"/>
        <source>Costs</source>
        <translation>비용</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="148"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="151"/>
        <source>(start)</source>
        <translation>(시작)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="160"/>
        <source>Refused — %1: %2</source>
        <translation>거부됨 — %1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="267"/>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="353"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="354"/>
        <source>&amp;Open configuration…</source>
        <translation>구성 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="355"/>
        <source>Open configuration</source>
        <translation>구성 열기</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="348"/>
        <location filename="../app/gui/mainwindow.cpp" line="356"/>
        <source>ScaleScope configuration (*.json)</source>
        <translation>ScaleScope 구성 (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="78"/>
        <source>Edit the baseline&apos;s stages (the block type too: Fused-MBConv in early stages, as EfficientNetV2) and the per-stage multipliers; the scaled columns follow. Right-click a stage, here or in the diagram, to duplicate or remove it.</source>
        <translation>기준 모델의 단계(블록 종류도: EfficientNetV2처럼 앞 단계에 Fused-MBConv)와 단계별 배율을 편집하세요; 스케일된 열이 따라 바뀝니다. 여기나 다이어그램에서 스테이지를 오른쪽 클릭하면 복제하거나 제거할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="142"/>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="185"/>
        <location filename="../app/gui/mainwindow.cpp" line="190"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="201"/>
        <location filename="../app/gui/mainwindow.cpp" line="204"/>
        <source>training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="565"/>
        <source>1 run is not trained again: %1 records its result (its folder is gone)</source>
        <translation>실행 1개는 다시 학습하지 않습니다: %1에 그 결과가 기록되어 있습니다 (폴더는 없음)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="568"/>
        <source>%1 runs are not trained again: %2 records their results (their folders are gone)</source>
        <translation>실행 %1개는 다시 학습하지 않습니다: %2에 그 결과가 기록되어 있습니다 (폴더는 없음)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="828"/>
        <source>1 more run waits in the queue: its experiment&apos;s, grid&apos;s or study&apos;s folder records it; open it again to train it.</source>
        <translation>대기열에 실행 1개가 더 있습니다: 실험, 그리드 또는 연구 폴더에 기록되어 있으니, 다시 열면 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="830"/>
        <source>%1 more runs wait in the queue: their experiment&apos;s, grid&apos;s or study&apos;s folder records them; open it again to train them.</source>
        <translation>대기열에 실행 %1개가 더 있습니다: 실험, 그리드 또는 연구 폴더에 기록되어 있으니, 다시 열면 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="269"/>
        <source>ScaleScope — %1 — %2[*]</source>
        <translation>ScaleScope — %1 — %2[*]</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="285"/>
        <source>Locked while a scaling study&apos;s or grid search&apos;s runs train or wait: its window matches their results to the model they were made from. Stop the training to edit.</source>
        <translation>스케일링 연구나 그리드 탐색의 실행이 학습 중이거나 대기 중이면 잠깁니다: 그 창은 결과를 실행이 만들어진 모델에 맞춰 보여 줍니다. 편집하려면 학습을 멈추세요.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="316"/>
        <source>&amp;Duplicate stage %1</source>
        <translation>스테이지 %1 복제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="317"/>
        <source>&amp;Duplicate stage</source>
        <translation>스테이지 복제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="318"/>
        <source>Re&amp;move stage %1</source>
        <translation>스테이지 %1 제거(&amp;M)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="318"/>
        <source>Re&amp;move stage</source>
        <translation>스테이지 제거(&amp;M)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="321"/>
        <source>Draw stage %1 as its layers</source>
        <translation>스테이지 %1을(를) 레이어로 그리기</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="322"/>
        <source>Draw the stage as its layers</source>
        <translation>스테이지를 레이어로 그리기</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="337"/>
        <source>&amp;Undo %1</source>
        <translation>실행 취소(&amp;U): %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="337"/>
        <location filename="../app/gui/mainwindow.cpp" line="407"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="338"/>
        <source>&amp;Redo %1</source>
        <translation>다시 실행(&amp;R): %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="338"/>
        <location filename="../app/gui/mainwindow.cpp" line="408"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="348"/>
        <source>Save configuration</source>
        <translation>구성 저장</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="359"/>
        <source>&amp;Save configuration</source>
        <translation>구성 저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="360"/>
        <source>Save configuration &amp;as…</source>
        <translation>다른 이름으로 구성 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="362"/>
        <source>Open &amp;training run…</source>
        <translation>학습 실행 열기(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="366"/>
        <source>&amp;Browse training runs…</source>
        <translation>학습 실행 둘러보기(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="367"/>
        <source>Com&amp;pare training runs…</source>
        <translation>학습 실행 비교(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="378"/>
        <source>Open scaling stud&amp;y…</source>
        <translation>스케일링 연구 열기(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="379"/>
        <source>Study folder (holds study.json)</source>
        <translation>연구 폴더(study.json이 있는 곳)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="380"/>
        <source>Open &amp;grid search…</source>
        <translation>그리드 탐색 열기(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="381"/>
        <source>Grid folder (holds grid.json)</source>
        <translation>그리드 폴더(grid.json이 있는 곳)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="382"/>
        <source>&amp;Evaluate training run…</source>
        <translation>학습 실행 평가(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="386"/>
        <source>&amp;Classify images with a training run…</source>
        <translation>학습 실행으로 이미지 분류(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="390"/>
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="393"/>
        <source>Diagram as PNG…</source>
        <translation>다이어그램을 PNG로…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="394"/>
        <source>Diagram as SVG…</source>
        <translation>다이어그램을 SVG로…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="395"/>
        <source>Cost plots as PNG…</source>
        <translation>비용 그래프를 PNG로…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="396"/>
        <source>Cost plots as PDF…</source>
        <translation>비용 그래프를 PDF로…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="397"/>
        <source>Training curves as PNG…</source>
        <translation>학습 곡선을 PNG로…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="398"/>
        <source>Training curves as PDF…</source>
        <translation>학습 곡선을 PDF로…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="399"/>
        <source>Metrics as CSV…</source>
        <translation>지표를 CSV로…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="400"/>
        <source>Speed table as CSV…</source>
        <translation>속도 표를 CSV로…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="401"/>
        <source>timm arch_def (Python)…</source>
        <translation>timm arch_def (Python)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="403"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="405"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="419"/>
        <source>&amp;Grid search for α, β, γ…</source>
        <translation>α, β, γ 그리드 탐색(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="423"/>
        <source>Scaling &amp;study: compound against one dimension…</source>
        <translation>스케일링 연구(&amp;S): 복합 대 한 차원…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="428"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="432"/>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="433"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="435"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="443"/>
        <source>The language changes when ScaleScope starts again.</source>
        <translation>언어는 ScaleScope를 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="446"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="447"/>
        <source>&amp;About ScaleScope</source>
        <translation>ScaleScope 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="448"/>
        <source>About ScaleScope</source>
        <translation>ScaleScope 정보</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="449"/>
        <source>&lt;b&gt;ScaleScope&lt;/b&gt; explores compound model scaling (EfficientNet), non-uniform scaling and progressive learning (EfficientNetV2) and ResNet-RS.&lt;br&gt;FLOPs in the papers are multiply-adds; ScaleScope shows them as MACs.</source>
        <translation>&lt;b&gt;ScaleScope&lt;/b&gt;는 복합 모델 스케일링(EfficientNet), 비균일 스케일링과 점진적 학습(EfficientNetV2), ResNet-RS를 탐색합니다.&lt;br&gt;논문의 FLOPs는 곱셈-누산이며, ScaleScope는 이를 MAC으로 표시합니다.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="461"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="462"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="463"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="464"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="465"/>
        <source>Python (*.py)</source>
        <translation>Python (*.py)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="472"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="469"/>
        <location filename="../app/gui/mainwindow.cpp" line="499"/>
        <source>Not exported — %1</source>
        <translation>내보내지 못함 — %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="392"/>
        <source>E&amp;xport</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="504"/>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="506"/>
        <source>Exported %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="518"/>
        <source>%1 not written — %2</source>
        <translation>%1 쓰지 못함 — %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="525"/>
        <location filename="../app/gui/mainwindow.cpp" line="637"/>
        <source>Not started — the training settings are refused: %1</source>
        <translation>시작하지 않음 — 학습 설정이 거부됨: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="552"/>
        <source>grid α %1, β %2, γ %3</source>
        <translation>그리드 α %1, β %2, γ %3</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="534"/>
        <location filename="../app/gui/mainwindow.cpp" line="544"/>
        <location filename="../app/gui/mainwindow.cpp" line="647"/>
        <location filename="../app/gui/mainwindow.cpp" line="660"/>
        <source>Not started — %1</source>
        <translation>시작하지 않음 — %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="619"/>
        <source>1 run could not be opened: %1</source>
        <translation>실행 1개를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="620"/>
        <source>%1 runs could not be opened: %2</source>
        <translation>실행 %1개를 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="673"/>
        <source>study: as configured</source>
        <translation>연구: 현재 구성</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="674"/>
        <source>study: %1 at φ %2</source>
        <translation>연구: %1, φ %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="554"/>
        <location filename="../app/gui/mainwindow.cpp" line="678"/>
        <source>, seed %1</source>
        <translation>, 시드 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="738"/>
        <source>%1: drop a configuration (.json) or a run, study or grid folder</source>
        <translation>%1: 구성 파일(.json)이나 실행, 연구 또는 그리드 폴더를 끌어다 놓으세요</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="376"/>
        <location filename="../app/gui/mainwindow.cpp" line="753"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="728"/>
        <source>%1 is no training run, experiment, study or grid folder (it has no %2, %3, %4 or %5)</source>
        <translation>%1은(는) 학습 실행, 실험, 연구 또는 그리드 폴더가 아닙니다 (%2, %3, %4, %5가 없습니다)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="759"/>
        <source>Not saved — the training settings are refused: %1</source>
        <translation>저장하지 않음 — 학습 설정이 거부되었습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="207"/>
        <source>Training in progress</source>
        <translation>학습 진행 중</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="823"/>
        <source>A training run is in progress. Stop it and quit? A checkpoint is saved: open the run later (File → Open training run) and Continue trains it on.</source>
        <translation>학습이 진행 중입니다. 중지하고 종료할까요? 체크포인트가 저장되므로 나중에 실행을 열고(파일 → 학습 실행 열기) 이어서 학습할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>scalescope::ModelDescription</name>
    <message>
        <location filename="../widgets/modeldescription.cpp" line="10"/>
        <source>%1, φ %2, %3 px</source>
        <translation>%1, φ %2, %3 px</translation>
    </message>
    <message>
        <location filename="../widgets/modeldescription.cpp" line="14"/>
        <source>%1 at %2 px</source>
        <translation>%1, %2 px</translation>
    </message>
</context>
<context>
    <name>scalescope::PredictionDialog</name>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="47"/>
        <source>Classify images with %1</source>
        <translation>%1(으)로 이미지 분류</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="60"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="61"/>
        <source>The test size each file&apos;s square is resized to; the run&apos;s validated size unless you change it</source>
        <translation>각 파일의 정사각형을 맞출 테스트 크기입니다. 바꾸지 않으면 실행이 검증한 크기입니다</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="65"/>
        <source>the run&apos;s</source>
        <translation>실행의 설정</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="66"/>
        <source>GPU (cuda:0)</source>
        <translation>GPU (cuda:0)</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="67"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="68"/>
        <source>Use the trained weights, not their EMA</source>
        <translation>EMA가 아닌 학습된 가중치 사용</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="70"/>
        <source>Test size</source>
        <translation>테스트 크기</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="71"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="76"/>
        <source>Add images…</source>
        <translation>이미지 추가…</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="78"/>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="80"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="82"/>
        <source>Classify again</source>
        <translation>다시 분류</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="85"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="87"/>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="103"/>
        <source>Only the files not of their folder&apos;s class</source>
        <translation>폴더의 클래스와 다르게 분류된 파일만</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="126"/>
        <source>Open image</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="127"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="149"/>
        <source>This folder cannot classify images — %1</source>
        <translation>이 폴더로는 이미지를 분류할 수 없습니다 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="155"/>
        <source>&lt;b&gt;%1&lt;/b&gt; trained on %2 for %3 epochs, validated at %4 px. Each file is brought to the form of its test images first, a centred square (shown in the table as the model is given it), then resized to the test size.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2에서 %3 에포크 학습, %4 px에서 검증. 각 파일은 먼저 테스트 이미지의 형태인 가운데 정사각형으로 바뀌고(표에 모델이 받는 그대로 표시), 그다음 테스트 크기로 조정됩니다.</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="167"/>
        <location filename="../widgets/predictiondialog.cpp" line="237"/>
        <source>Add image files or a folder, or drop them here.</source>
        <translation>이미지 파일이나 폴더를 추가하거나 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="219"/>
        <source>Not added — %1</source>
        <translation>추가하지 않음 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="244"/>
        <source>Nothing to classify: add image files or a folder first.</source>
        <translation>분류할 것이 없습니다. 먼저 이미지 파일이나 폴더를 추가하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="179"/>
        <location filename="../widgets/predictiondialog.cpp" line="255"/>
        <source>Not classified — %1</source>
        <translation>분류하지 못함 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="279"/>
        <source>Classified %1 of %2 images on %3 with the %4 weights after %5 epochs, at %6 px.</source>
        <translation>이미지 %2개 중 %1개를 %3에서 %5 에포크 후의 %4 가중치로 %6 px에서 분류했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="283"/>
        <source>EMA</source>
        <translation>EMA</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="283"/>
        <source>trained</source>
        <translation>학습된</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="287"/>
        <source>%1 could not be read: see their rows.</source>
        <translation>%1개는 읽을 수 없었습니다. 해당 행을 보세요.</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="294"/>
        <source>Of the %1 in a folder named after a class, %2 are that class (top-1 %3%), %4 among the first %5 (%6%).</source>
        <translation>클래스 이름의 폴더에 있는 %1개 중 %2개가 그 클래스입니다(top-1 %3%), 처음 %5개 안에는 %4개입니다(%6%).</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="177"/>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="261"/>
        <source>Loading the checkpoint and the images…</source>
        <translation>체크포인트와 이미지를 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="358"/>
        <source>No program here opens %1</source>
        <translation>이 컴퓨터에는 %1을(를) 여는 프로그램이 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="363"/>
        <source>nothing has been classified yet</source>
        <translation>아직 분류한 것이 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="371"/>
        <source>Images to classify</source>
        <translation>분류할 이미지</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="372"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp);;All files (*)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.bmp *.webp);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="377"/>
        <source>A folder of images</source>
        <translation>이미지 폴더</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="382"/>
        <source>Export the classifications</source>
        <translation>분류 결과 내보내기</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="384"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/predictiondialog.cpp" line="387"/>
        <source>Not exported</source>
        <translation>내보내지 못했습니다</translation>
    </message>
</context>
<context>
    <name>scalescope::PredictionModel</name>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="76"/>
        <source>not classified</source>
        <translation>분류 안 됨</translation>
    </message>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="83"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="95"/>
        <source>%1
shown as the model was given it: a centred %2 px square</source>
        <translation>%1
모델이 받은 그대로 표시: 가운데 %2 px 정사각형</translation>
    </message>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="125"/>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="127"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="129"/>
        <source>Folder&apos;s class</source>
        <translation>폴더의 클래스</translation>
    </message>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="131"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="133"/>
        <source>Probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location filename="../widgets/predictionmodel.cpp" line="135"/>
        <source>Then</source>
        <translation>다음 후보</translation>
    </message>
</context>
<context>
    <name>scalescope::RunBrowserDialog</name>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="62"/>
        <source>Training runs</source>
        <translation>학습 실행</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="82"/>
        <source>Filter: words from the folder, model, dataset, schedule, state… (e.g. fashion paper)</source>
        <translation>필터: 폴더, 모델, 데이터셋, 스케줄, 상태의 단어… (예: fashion paper)</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="88"/>
        <location filename="../widgets/runbrowserdialog.cpp" line="106"/>
        <source>Open on the training tab</source>
        <translation>학습 탭에서 열기</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="91"/>
        <source>Show folder</source>
        <translation>폴더 보기</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="95"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="108"/>
        <source>Overlay the selected runs&apos; curves; an unfinished run with a checkpoint can then be continued</source>
        <translation>선택한 실행의 곡선을 겹쳐 그립니다. 체크포인트가 있는 미완료 실행은 이어서 학습할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="110"/>
        <location filename="../widgets/runbrowserdialog.cpp" line="123"/>
        <source>Move to trash…</source>
        <translation>휴지통으로 이동…</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="112"/>
        <source>Move the selected run folders to the trash (Delete); they can be restored from there</source>
        <translation>선택한 실행 폴더를 휴지통으로 옮깁니다(Delete). 휴지통에서 복원할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="114"/>
        <source>Other folder…</source>
        <translation>다른 폴더…</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="115"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="154"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="178"/>
        <source>Could not list %1: %2</source>
        <translation>%1의 목록을 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="180"/>
        <source>No training runs in %1 yet.</source>
        <translation>%1에 아직 학습 실행이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="183"/>
        <source>1 run in %1</source>
        <translation>%1에 실행 1개</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="184"/>
        <source>%1 runs in %2, newest first</source>
        <translation>%2에 실행 %1개, 최신순</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="185"/>
        <source>; select and open them to see their curves.</source>
        <translation>; 선택하고 열면 곡선을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="189"/>
        <source>1 cannot be read (greyed; its tooltip says why).</source>
        <translation>1개는 읽을 수 없습니다(회색; 도구 설명에 이유가 있습니다).</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="190"/>
        <source>%1 cannot be read (greyed; their tooltips say why).</source>
        <translation>%1개는 읽을 수 없습니다(회색; 도구 설명에 이유가 있습니다).</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="229"/>
        <source>%1 of %2 shown</source>
        <translation>%2개 중 %1개 표시</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="249"/>
        <source>No program here opens folders; the run is in %1</source>
        <translation>이 컴퓨터에는 폴더를 여는 프로그램이 없습니다. 실행은 %1에 있습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="273"/>
        <source>the trash folder in %1 could not be set up</source>
        <translation>%1에 휴지통 폴더를 만들 수 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="274"/>
        <source>it was moved to %1 instead of the trash</source>
        <translation>휴지통 대신 %1(으)로 옮겨졌습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="288"/>
        <source>and %1 more</source>
        <translation>외 %1개</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="290"/>
        <source>Move this run folder to the trash?</source>
        <translation>이 실행 폴더를 휴지통으로 옮길까요?</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="291"/>
        <source>Move these %1 run folders to the trash?</source>
        <translation>이 실행 폴더 %1개를 휴지통으로 옮길까요?</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="292"/>
        <source>Move to trash</source>
        <translation>휴지통으로 이동</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="306"/>
        <location filename="../widgets/runbrowserdialog.cpp" line="312"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="322"/>
        <source>Nothing was moved to the trash.</source>
        <translation>휴지통으로 옮긴 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="323"/>
        <source>Moved 1 run folder to the trash (%1).</source>
        <translation>실행 폴더 1개를 휴지통으로 옮겼습니다(%1).</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="324"/>
        <source>Moved %1 run folders to the trash (%2).</source>
        <translation>실행 폴더 %1개를 휴지통으로 옮겼습니다(%2).</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="328"/>
        <source>1 was not moved: %1</source>
        <translation>1개는 옮기지 않았습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="329"/>
        <source>%1 were not moved: %2</source>
        <translation>%1개는 옮기지 않았습니다: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowserdialog.cpp" line="339"/>
        <source>Folder of training runs</source>
        <translation>학습 실행 폴더</translation>
    </message>
</context>
<context>
    <name>scalescope::RunComparisonDialog</name>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="57"/>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="60"/>
        <source>Reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="63"/>
        <source>The run the others are set against: usually fixed-size training at the final image size</source>
        <translation>다른 실행들을 비교할 기준 실행: 보통 최종 이미지 크기의 고정 크기 학습</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="67"/>
        <source>Average over seeds</source>
        <translation>시드 평균</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="70"/>
        <source>Runs whose configurations differ only in their seed become one row: their mean accuracy and time after each epoch, over the epochs all of them have trained. One seed&apos;s accuracy on a small validation set moves by a point or more. Δ final is then taken seed by seed, with its standard error.</source>
        <translation>구성이 시드만 다른 실행들이 한 행이 됩니다: 모두가 학습한 에포크까지, 각 에포크 뒤의 평균 정확도와 시간입니다. 작은 검증 세트에서 한 시드의 정확도는 1포인트 이상 움직입니다. 이때 Δ 최종은 시드별로 구하며 표준 오차를 함께 보입니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="87"/>
        <source>Validation accuracy against wall time</source>
        <translation>경과 시간에 따른 검증 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="89"/>
        <source>wall time (s)</source>
        <translation>경과 시간(초)</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="90"/>
        <source>val accuracy (%)</source>
        <translation>검증 정확도 (%)</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="113"/>
        <location filename="../widgets/runcomparisondialog.cpp" line="137"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="114"/>
        <source>The table (or its selected rows) as tab-separated text, for a spreadsheet</source>
        <translation>표(또는 선택한 행)를 탭으로 구분된 텍스트로, 스프레드시트용</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="122"/>
        <source>Save plot…</source>
        <translation>그래프 저장…</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="124"/>
        <source>The curves under the table as a PNG or PDF file</source>
        <translation>표 아래의 곡선을 PNG 또는 PDF 파일로</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="128"/>
        <source>Save the plot</source>
        <translation>그래프 저장</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="129"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 이미지 (*.png);;PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="135"/>
        <source>Not saved</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="214"/>
        <source>Mean of %1 seeds (%2): %3</source>
        <translation>시드 %1개의 평균 (%2): %3</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="239"/>
        <source>Show at least two runs on the training tab (train, open or tick them) to compare them: a fixed-size run and a progressive one, say.</source>
        <translation>비교하려면 학습 탭에 실행을 두 개 이상 보이게 하세요(학습하거나, 열거나, 체크하세요). 예: 고정 크기 실행과 점진적 실행.</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="247"/>
        <source>Not compared — %1</source>
        <translation>비교하지 않음 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="253"/>
        <source>The reference ended at %1, which it first reached after epoch %2 (%3 of wall time). × time is each run&apos;s time to that accuracy as a share of the reference&apos;s; EfficientNetV2 reports 0.35–0.71× for progressive learning.</source>
        <translation>기준 실행은 %1로 끝났고, 에포크 %2 후(벽시계 시간 %3)에 처음 도달했습니다. × 시간은 각 실행이 그 정확도에 도달한 시간을 기준 실행의 시간에 대한 비율로 나타냅니다. EfficientNetV2는 점진적 학습에서 0.35–0.71×를 보고합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="263"/>
        <source>1 run (greyed) validated on other images than the reference: its accuracies do not compare.</source>
        <translation>실행 1개(회색)는 기준 실행과 다른 이미지에서 검증되어 정확도를 비교할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="265"/>
        <source>%1 runs (greyed) validated on other images than the reference: their accuracies do not compare.</source>
        <translation>실행 %1개(회색)는 기준 실행과 다른 이미지에서 검증되어 정확도를 비교할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="270"/>
        <source>A row of several seeds is their mean over the epochs all of them have trained; its Δ final is taken seed by seed.</source>
        <translation>여러 시드의 행은 모두가 학습한 에포크까지의 평균이며, Δ 최종은 시드별로 구합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="282"/>
        <source>nothing is compared yet: show at least two runs on the training tab</source>
        <translation>아직 비교한 것이 없습니다: 학습 탭에 실행을 두 개 이상 표시하세요</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="286"/>
        <source>%1: a plot is saved as .png or .pdf</source>
        <translation>%1: 그래프는 .png 또는 .pdf로 저장됩니다</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="288"/>
        <source>%1: the folder %2 does not exist</source>
        <translation>%1: 폴더 %2이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="291"/>
        <source>%1 could not be written</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="303"/>
        <source>%1 — runs %2</source>
        <translation>%1 — 실행 %2</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="328"/>
        <source>%1, mean of %2 seeds</source>
        <translation>%1, 시드 %2개 평균</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="329"/>
        <source>%1 (reference)</source>
        <translation>%1 (기준)</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="342"/>
        <source>%1 reached the reference&apos;s final accuracy</source>
        <translation>%1이(가) 기준의 최종 정확도에 도달한 곳</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisondialog.cpp" line="353"/>
        <source>the reference&apos;s final %1</source>
        <translation>기준의 최종 %1</translation>
    </message>
</context>
<context>
    <name>scalescope::RunComparisonModel</name>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="71"/>
        <source>Validated on other images (%1) than the reference (%2): its accuracies do not compare</source>
        <translation>기준 실행(%2)과 다른 이미지(%1)에서 검증됨: 정확도를 비교할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="76"/>
        <source>Final accuracy against the reference&apos;s, seed by seed over %1 seeds, with the standard error of that mean</source>
        <translation>기준 대비 최종 정확도, 시드 %1개에 대해 시드별로 구한 값과 그 평균의 표준 오차</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="80"/>
        <source>%1 — the reference</source>
        <translation>%1 — 기준</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="91"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="99"/>
        <source>epoch %1, %2</source>
        <translation>에포크 %1, %2</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="102"/>
        <source>not yet</source>
        <translation>아직 아님</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="103"/>
        <source>never</source>
        <translation>도달하지 못함</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="115"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="127"/>
        <source>The first epoch validated at or above the reference&apos;s final accuracy, and the wall time at its end</source>
        <translation>기준 실행의 최종 정확도 이상으로 검증된 첫 에포크와, 그 끝의 벽시계 시간</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="130"/>
        <source>That time as a share of the reference&apos;s own time to its final accuracy (EfficientNetV2 reports 0.35–0.71× for progressive learning)</source>
        <translation>그 시간을 기준 실행이 최종 정확도에 도달한 시간에 대한 비율로 (EfficientNetV2는 점진적 학습에서 0.35–0.71×를 보고)</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="133"/>
        <source>The same without the time spent validating, where the runs record it</source>
        <translation>실행이 기록한 경우, 검증에 쓴 시간을 뺀 같은 비율</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="135"/>
        <source>Final validation accuracy against the reference&apos;s, in points; for means over seeds, taken seed by seed, with its standard error</source>
        <translation>기준 대비 최종 검증 정확도(포인트); 시드 평균에서는 시드별로 구하며 표준 오차를 함께 보입니다</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="143"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="145"/>
        <source>Schedule</source>
        <translation>스케줄</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="147"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="149"/>
        <source>Val acc</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="151"/>
        <source>Best</source>
        <translation>최고</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="153"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="156"/>
        <source>Reached %1</source>
        <translation>%1 도달</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="157"/>
        <source>Reached</source>
        <translation>도달</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="159"/>
        <source>× time</source>
        <translation>× 시간</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="161"/>
        <source>× training</source>
        <translation>× 학습</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparisonmodel.cpp" line="163"/>
        <source>Δ final</source>
        <translation>Δ 최종</translation>
    </message>
</context>
<context>
    <name>scalescope::RunListModel</name>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="41"/>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="43"/>
        <source>unfinished (can continue)</source>
        <translation>미완료(이어서 학습 가능)</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="43"/>
        <source>unfinished (no checkpoint)</source>
        <translation>미완료(체크포인트 없음)</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="45"/>
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="56"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="89"/>
        <source> (val %1)</source>
        <translation> (검증 %1)</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="96"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="115"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="117"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="119"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="121"/>
        <source>Image px</source>
        <translation>이미지 px</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="123"/>
        <source>Schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="125"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="127"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="129"/>
        <source>Val accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="131"/>
        <source>Best</source>
        <translation>최고</translation>
    </message>
    <message>
        <location filename="../widgets/runlistmodel.cpp" line="133"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
</context>
<context>
    <name>scalescope::ScalingEditor</name>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="32"/>
        <source>%1 (official table)</source>
        <translation>%1 (공식 표)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="36"/>
        <source>B1-B7 use the published width/depth/resolution table, not α^φ. Edit φ to scale the baseline by compound scaling instead.</source>
        <translation>B1-B7은 α^φ가 아니라 발표된 너비/깊이/해상도 표를 사용합니다. 복합 스케일링으로 기준 모델을 키우려면 φ를 편집하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="38"/>
        <source>Baseline / preset</source>
        <translation>기준 모델 / 프리셋</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="39"/>
        <source>α (depth)</source>
        <translation>α (깊이)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="39"/>
        <source>β (width)</source>
        <translation>β (너비)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="39"/>
        <source>γ (resolution)</source>
        <translation>γ (해상도)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="40"/>
        <source>φ (compound)</source>
        <translation>φ (복합 계수)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="66"/>
        <source>α·β²·γ²</source>
        <translation>α·β²·γ²</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="69"/>
        <source>Scaling</source>
        <translation>스케일링</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="73"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="74"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="76"/>
        <source>Image size cap</source>
        <translation>이미지 크기 상한</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="103"/>
        <source>%1 (%2%3 from 2; MACs grow about %1^φ)</source>
        <translation>%1 (2와의 차이 %2%3; MAC은 약 %1^φ로 증가)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="107"/>
        <source>n/a: explicit multipliers</source>
        <translation>해당 없음: 명시적 배율</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="110"/>
        <source>Compound: depth ×%1, width ×%2, %3 px</source>
        <translation>복합 스케일링: 깊이 ×%1, 너비 ×%2, %3 px</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="114"/>
        <source>%1: depth ×%2, width ×%3, %4 px (not α^φ)</source>
        <translation>%1: 깊이 ×%2, 너비 ×%3, %4 px (α^φ 아님)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingeditor.cpp" line="120"/>
        <source>, capped to %1 px</source>
        <translation>, %1 px로 제한</translation>
    </message>
</context>
<context>
    <name>scalescope::ScalingStudyDialog</name>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="63"/>
        <source>as configured</source>
        <translation>현재 구성</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="65"/>
        <source>compound</source>
        <translation>복합</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="67"/>
        <source>depth only</source>
        <translation>깊이만</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="69"/>
        <source>width only</source>
        <translation>너비만</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="71"/>
        <source>resolution only</source>
        <translation>해상도만</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="296"/>
        <source>Scaling study: compound against one dimension</source>
        <translation>스케일링 연구: 복합 대 한 차원</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="299"/>
        <source>EfficientNet&apos;s Figures 3 and 8: the current model grown by depth, width or resolution alone, and by all three at once, to the same nominal MACs (α·β²·γ²)^φ: depth alone by that factor, width or resolution alone by its square root. φ counts from the model as it is now, the first point of every curve; training sizes set on the training tab grow with each point&apos;s resolution. Train queues the points on the training tab with its settings; each one&apos;s final validation accuracy is drawn against its MACs at the size it was validated at.</source>
        <translation>EfficientNet의 그림 3과 8: 현재 모델을 깊이, 너비, 해상도 중 하나만으로, 또는 셋 모두로 같은 명목 MAC (α·β²·γ²)^φ까지 키웁니다. 깊이만은 그 배율로, 너비나 해상도만은 그 제곱근으로 키웁니다. φ는 지금의 모델에서 세며, 이 모델이 모든 곡선의 첫 점입니다. 학습 탭에서 정한 학습 크기는 각 점의 해상도와 함께 커집니다. &apos;학습&apos;은 학습 탭의 설정으로 점들을 대기열에 넣고, 각 점의 최종 검증 정확도를 검증한 크기에서의 MAC에 대해 그립니다.</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="312"/>
        <source>A list (0.5,1,2) or a range FROM:TO:STEP (1:3:1)</source>
        <translation>목록(0.5,1,2) 또는 범위 시작:끝:간격(1:3:1)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="313"/>
        <source>φ of the points</source>
        <translation>점들의 φ</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="317"/>
        <source>Each point is trained at the training seed and the next ones; its accuracy is their mean, drawn with its standard error. On a small set one run&apos;s accuracy moves by points between seeds.</source>
        <translation>각 점은 학습 시드와 그다음 시드들로 학습되며, 정확도는 그 평균이고 표준 오차와 함께 그려집니다. 작은 데이터셋에서는 실행 하나의 정확도가 시드에 따라 몇 포인트씩 달라집니다.</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="321"/>
        <source>Seeds per point</source>
        <translation>점당 시드 수</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="332"/>
        <source>Scaled by</source>
        <translation>스케일링 방식</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="349"/>
        <source>MACs against φ (dashed: nominal)</source>
        <translation>φ에 따른 MAC (점선: 명목)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="352"/>
        <source>φ</source>
        <translation>φ</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="353"/>
        <source>G MACs</source>
        <translation>G MAC</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="354"/>
        <source>Validation accuracy against MACs</source>
        <translation>MAC에 따른 검증 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="355"/>
        <source>G MACs at the size validated at</source>
        <translation>검증 크기에서의 G MAC</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="356"/>
        <source>accuracy %</source>
        <translation>정확도 %</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="361"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="363"/>
        <source>Trains the selected points (all of them when none is selected) that have no accuracy yet, with the training tab&apos;s settings, one after the other; Stop ends the queue</source>
        <translation>선택한 점 중 아직 정확도가 없는 점을(선택이 없으면 전부) 학습 탭의 설정으로 차례로 학습합니다. &apos;중지&apos;는 대기열을 끝냅니다</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="366"/>
        <source>Open study…</source>
        <translation>연구 열기…</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="368"/>
        <source>Shows a study trained before, here or by scalescope-cli study --train</source>
        <translation>여기서 또는 scalescope-cli study --train으로 전에 학습한 연구를 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="369"/>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="370"/>
        <source>Every point with its costs and the accuracy of those trained, as scalescope-cli study --train writes study.csv</source>
        <translation>모든 점의 비용과 학습한 점의 정확도를 scalescope-cli study --train이 쓰는 study.csv와 같은 형식으로</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="374"/>
        <source>Export the study as CSV</source>
        <translation>연구를 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="375"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="378"/>
        <source>Not exported</source>
        <translation>내보내지 못함</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="382"/>
        <source>Open a scaling study folder</source>
        <translation>스케일링 연구 폴더 열기</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="567"/>
        <source>Recording the study in %1…</source>
        <translation>%1에 연구 기록 중…</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="602"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="609"/>
        <source>a run started training meanwhile; open it again after it ends</source>
        <translation>그사이에 실행이 학습을 시작했습니다. 끝난 후 다시 여십시오</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="613"/>
        <source>Not a scaling study</source>
        <translation>스케일링 연구가 아닙니다</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="684"/>
        <source>%1 of its results are study.csv&apos;s: their run folders are not in %2, and Train does not train them again.</source>
        <translation>결과 %1개는 study.csv의 기록입니다: 그 실행 폴더가 %2에 없으며, 학습을 눌러도 다시 학습하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="391"/>
        <source>Every point asked for is trained already.</source>
        <translation>요청한 점은 모두 이미 학습했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="456"/>
        <source>%1 points for %2 with α %3, β %4, γ %5 (α·β²·γ² = %6).</source>
        <translation>%2의 점 %1개, α %3, β %4, γ %5 (α·β²·γ² = %6).</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="465"/>
        <source>Refused — %1</source>
        <translation>거부됨 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="537"/>
        <source>(a new folder: %1)</source>
        <translation>(새 폴더: %1)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="586"/>
        <source>Training into %1 %2</source>
        <translation>%1에 학습 %2</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="643"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="657"/>
        <source>%1 holds no point of a scaling study (folders named like compound-phi1)</source>
        <translation>%1에는 스케일링 연구의 점이 없습니다 (compound-phi1 같은 이름의 폴더)</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="690"/>
        <source>Not read: %1</source>
        <translation>읽지 못함: %1</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="758"/>
        <source>as rewarding as φ 0</source>
        <translation>φ 0만큼의 보상</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="774"/>
        <source>nominal</source>
        <translation>명목</translation>
    </message>
</context>
<context>
    <name>scalescope::SpeedPanel</name>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="49"/>
        <source>Multiply-adds are not time: a stage of depthwise convolutions does its few slowly. Measure times this model here, with random images and the training settings.</source>
        <translation>곱셈-덧셈 수는 시간이 아닙니다: depthwise 합성곱 단계는 적은 연산도 느리게 합니다. 측정은 이 모델을 여기서 무작위 이미지와 학습 설정으로 잽니다.</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="58"/>
        <source>GPU (cuda:0)</source>
        <translation>GPU (cuda:0)</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="59"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="67"/>
        <source>the model&apos;s</source>
        <translation>모델의 크기</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="69"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="74"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="75"/>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="76"/>
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="77"/>
        <source>Timed passes</source>
        <translation>측정 횟수</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="81"/>
        <source>Measure</source>
        <translation>측정</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="83"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="100"/>
        <source>Pin as reference</source>
        <translation>기준으로 고정</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="102"/>
        <source>Set the next measurements against this one: edit the model (say, Fused-MBConv in its early stages), measure again, and read the ratios.</source>
        <translation>다음 측정들을 이 측정과 비교합니다: 모델을 편집하고(예: 앞 단계에 Fused-MBConv), 다시 측정한 뒤 비율을 읽으세요.</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="104"/>
        <source>Clear reference</source>
        <translation>기준 해제</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="118"/>
        <source>Per stage: share of the time and of the MACs</source>
        <translation>단계별: 시간과 MACs의 비중</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="119"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="127"/>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="127"/>
        <location filename="../widgets/speedpanel.cpp" line="334"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="127"/>
        <source>Fwd ms</source>
        <translation>순전파 ms</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="127"/>
        <source>Bwd ms</source>
        <translation>역전파 ms</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="127"/>
        <source>GMAC/s</source>
        <translation>GMAC/s</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="127"/>
        <source>× ref</source>
        <translation>× 기준</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="134"/>
        <source>Forward and backward of each stage alone, one batch, median of the timed passes; GMAC/s is forward multiply-adds per second.</source>
        <translation>각 단계만의 순전파와 역전파, 배치 하나, 측정값의 중앙값; GMAC/s는 초당 순전파 곱셈-덧셈 수입니다.</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="159"/>
        <source>Not measured yet.</source>
        <translation>아직 측정하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="186"/>
        <source>Measured on %1.</source>
        <translation>%1에서 측정했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="147"/>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="149"/>
        <source>Not measured — %1</source>
        <translation>측정하지 못함 — %1</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="176"/>
        <source>Measuring…</source>
        <translation>측정 중…</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="194"/>
        <source>nothing has been measured yet (Speed dock → Measure)</source>
        <translation>아직 측정한 것이 없습니다 (속도 도크 → 측정)</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="204"/>
        <source>%1, batch %2, %3</source>
        <translation>%1, 배치 %2, %3</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="236"/>
        <source>A training run is using the machine.</source>
        <translation>학습 실행이 이 기기를 쓰고 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="259"/>
        <source>The model changed since this measurement: measure again to see its speed.</source>
        <translation>이 측정 뒤에 모델이 바뀌었습니다: 속도를 보려면 다시 측정하세요.</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="265"/>
        <source>&lt;b&gt;Training step&lt;/b&gt; %1 ms: &lt;b&gt;%2 img/s&lt;/b&gt; (%3%4)&lt;br&gt;&lt;b&gt;Inference&lt;/b&gt; %5 ms: &lt;b&gt;%6 img/s&lt;/b&gt;&lt;br&gt;%7 px, batch %8, %9%10</source>
        <translation>&lt;b&gt;학습 스텝&lt;/b&gt; %1 ms: &lt;b&gt;%2 img/s&lt;/b&gt; (%3%4)&lt;br&gt;&lt;b&gt;추론&lt;/b&gt; %5 ms: &lt;b&gt;%6 img/s&lt;/b&gt;&lt;br&gt;%7 px, 배치 %8, %9%10</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="269"/>
        <source>, CUDA graph</source>
        <translation>, CUDA 그래프</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="274"/>
        <source>bf16 autocast</source>
        <translation>bf16 autocast</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="274"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="275"/>
        <source>, 1 CPU thread</source>
        <translation>, CPU 스레드 1개</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="276"/>
        <source>, %1 CPU threads</source>
        <translation>, CPU 스레드 %1개</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="279"/>
        <source>&lt;br&gt;Peak memory of the training step %1 (the cost model: %2)</source>
        <translation>&lt;br&gt;학습 스텝의 최대 메모리 %1 (비용 모델: %2)</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="290"/>
        <source>&lt;b&gt;Against the reference&lt;/b&gt; (%1), per image: training step %2, inference %3, MACs %4, peak memory %5</source>
        <translation>&lt;b&gt;기준 대비&lt;/b&gt; (%1), 이미지당: 학습 스텝 %2, 추론 %3, MACs %4, 최대 메모리 %5</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="293"/>
        <source>— (another batch)</source>
        <translation>— (다른 배치)</translation>
    </message>
    <message>
        <location filename="../widgets/speedpanel.cpp" line="327"/>
        <source>time (forward + backward)</source>
        <translation>시간 (순전파 + 역전파)</translation>
    </message>
</context>
<context>
    <name>scalescope::StageTableModel</name>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="36"/>
        <source>Stage %1</source>
        <translation>스테이지 %1</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="39"/>
        <source>Block</source>
        <translation>블록</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="41"/>
        <source>Repeats</source>
        <translation>반복</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="43"/>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="45"/>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="47"/>
        <source>Expansion</source>
        <translation>확장 비율</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="49"/>
        <source>SE ratio</source>
        <translation>SE 비율</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="51"/>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="53"/>
        <source>Depth ×</source>
        <translation>깊이 ×</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="55"/>
        <source>Width ×</source>
        <translation>너비 ×</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="57"/>
        <source>Scaled repeats</source>
        <translation>스케일된 반복</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="59"/>
        <source>Scaled channels</source>
        <translation>스케일된 채널</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="61"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="63"/>
        <source>MACs</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="92"/>
        <source>%1 multiply-adds (the papers&apos; FLOPs), %2 of the model</source>
        <translation>곱셈-누산 %1회 (논문의 FLOPs), 모델의 %2</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="138"/>
        <source>Stage %1, %2: &quot;%3&quot; is not a number</source>
        <translation>스테이지 %1, %2: &quot;%3&quot;은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="156"/>
        <source>must be a whole number</source>
        <translation>정수여야 합니다</translation>
    </message>
    <message>
        <location filename="../widgets/stagetablemodel.cpp" line="194"/>
        <location filename="../widgets/stagetablemodel.cpp" line="218"/>
        <source>Stage %1, %2 refused: %3</source>
        <translation>스테이지 %1, %2 거부됨: %3</translation>
    </message>
</context>
<context>
    <name>scalescope::StudyPointModel</name>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="173"/>
        <source>EfficientNet-B0&apos;s search objective, accuracy × (MACs tested ÷ the φ 0 model&apos;s)^−0.07: each point&apos;s accuracy discounted by what it costs more. Twice the MACs must buy 5% more accuracy to pay.</source>
        <translation>EfficientNet-B0 탐색의 목적 함수, 정확도 × (테스트한 MAC ÷ φ 0 모델의 MAC)^−0.07: 각 지점의 정확도를 더 드는 비용만큼 깎은 값입니다. MAC이 두 배면 정확도가 5% 더 올라야 이득입니다.</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="177"/>
        <source>Points above or below compound scaling at the same φ, seed by seed, with the standard error; in brackets the seeds where the point scored higher</source>
        <translation>같은 φ의 복합 스케일링보다 높거나 낮은 정확도(%포인트), 시드별로 짝지어 비교하고 표준오차를 붙임; 괄호 안은 이 점이 더 높았던 시드 수</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="182"/>
        <source>Scaled by</source>
        <translation>스케일링 방식</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="184"/>
        <source>φ</source>
        <translation>φ</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="186"/>
        <source>Depth ×</source>
        <translation>깊이 ×</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="188"/>
        <source>Width ×</source>
        <translation>너비 ×</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="190"/>
        <source>Image px</source>
        <translation>이미지 px</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="192"/>
        <source>Trains at px</source>
        <translation>학습 px</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="194"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="196"/>
        <source>MACs</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="198"/>
        <source>MACs tested</source>
        <translation>검증 MAC</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="200"/>
        <source>Nominal MACs ×</source>
        <translation>명목 MAC ×</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="202"/>
        <source>Real MACs ×</source>
        <translation>실제 MAC ×</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="204"/>
        <source>Val accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="206"/>
        <source>Δ compound</source>
        <translation>Δ 복합</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="208"/>
        <source>Reward</source>
        <translation>보상</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="232"/>
        <source>Points above or below compound scaling at φ %1, seed by seed: the mean of %2 differences ± its standard error; higher at %3 of them (the count in brackets). A seed trains both on the same images and validates them on the same set, so the set&apos;s own difficulty cancels.</source>
        <translation>φ %1의 복합 스케일링보다 높거나 낮은 정확도(%포인트), 시드별 비교: 차이 %2개의 평균 ± 표준오차; 그중 %3개에서 더 높음(괄호 안의 수). 한 시드는 두 점을 같은 이미지로 학습하고 같은 세트로 검증하므로 세트 자체의 난이도는 상쇄됩니다.</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="241"/>
        <source>At the %1 px it is validated at</source>
        <translation>검증하는 %1 px에서</translation>
    </message>
    <message>
        <location filename="../widgets/scalingstudydialog.cpp" line="243"/>
        <source>%1 px, capped to %2 px by the image size cap</source>
        <translation>%1 px, 이미지 크기 상한으로 %2 px로 제한</translation>
    </message>
</context>
<context>
    <name>scalescope::TrainingPanel</name>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="86"/>
        <location filename="../widgets/trainingpanel.cpp" line="418"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="87"/>
        <source>Continue</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="89"/>
        <source>Train the selected stopped run on from its checkpoint, with the settings it was started with</source>
        <translation>선택한 중지된 실행을 체크포인트부터, 시작할 때의 설정으로 이어서 학습합니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="91"/>
        <location filename="../widgets/trainingpanel.cpp" line="272"/>
        <location filename="../widgets/trainingpanel.cpp" line="426"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="92"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="102"/>
        <source>Ready.</source>
        <translation>준비됨.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="111"/>
        <source>Runs on the plot: untick to hide. Right-click to evaluate, compare or remove them.</source>
        <translation>그래프의 실행: 체크를 해제하면 숨깁니다. 오른쪽 클릭으로 평가, 비교, 제거합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="114"/>
        <source>Open run…</source>
        <translation>실행 열기…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="116"/>
        <source>Overlay a finished run from its folder (metrics.csv), e.g. one trained with scalescope-cli</source>
        <translation>끝난 실행을 그 폴더(metrics.csv)에서 불러와 겹쳐 그립니다. 예: scalescope-cli로 학습한 실행</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="120"/>
        <source>by epoch</source>
        <translation>에포크 기준</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="121"/>
        <source>by wall time</source>
        <translation>경과 시간 기준</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="122"/>
        <source>Wall time shows what progressive learning saves</source>
        <translation>경과 시간으로 보면 점진적 학습이 줄이는 시간이 보입니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="123"/>
        <source>Runs</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="127"/>
        <location filename="../widgets/trainingpanel.cpp" line="234"/>
        <source>Evaluate…</source>
        <translation>평가…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="129"/>
        <source>Score the selected run&apos;s weights on its test images: per class, and at several test image sizes</source>
        <translation>선택한 실행의 가중치를 테스트 이미지로 평가합니다: 클래스별로, 여러 테스트 이미지 크기에서</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="152"/>
        <location filename="../widgets/trainingpanel.cpp" line="921"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="154"/>
        <location filename="../widgets/trainingpanel.cpp" line="197"/>
        <source>train loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="155"/>
        <location filename="../widgets/trainingpanel.cpp" line="198"/>
        <location filename="../widgets/trainingpanel.cpp" line="888"/>
        <source>val accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="157"/>
        <location filename="../widgets/trainingpanel.cpp" line="202"/>
        <source>image px</source>
        <translation>이미지 px</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="158"/>
        <source>regularization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="160"/>
        <location filename="../widgets/trainingpanel.cpp" line="803"/>
        <source>img/s</source>
        <translation>이미지/초</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="200"/>
        <source>val accuracy, trained weights</source>
        <translation>검증 정확도, 학습 중인 가중치</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="229"/>
        <source>Not evaluated: %1</source>
        <translation>평가하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="235"/>
        <source>Classify images…</source>
        <translation>이미지 분류…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="239"/>
        <source>Remove from the plot</source>
        <translation>그래프에서 제거</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="243"/>
        <source>Take the run off the list and the plot; its folder stays</source>
        <translation>실행을 목록과 그래프에서 뺍니다. 폴더는 그대로 남습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="245"/>
        <source>Compare runs…</source>
        <translation>실행 비교…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="247"/>
        <source>When each run reached the accuracy a reference run ended at, in wall time: what progressive learning saves</source>
        <translation>각 실행이 기준 실행의 최종 정확도에 벽시계 시간으로 언제 도달했는지: 점진적 학습이 아끼는 시간</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="255"/>
        <source>Browse training runs…</source>
        <translation>학습 실행 둘러보기…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="265"/>
        <source>Not classified: %1</source>
        <translation>분류하지 못함: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="275"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="280"/>
        <source>Stopping after this step…</source>
        <translation>이번 스텝 후 중지합니다…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="355"/>
        <source>Start would refuse this: %1: %2</source>
        <translation>시작하면 거부됩니다: %1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="364"/>
        <source>Trains at %1 px for 1 epoch, validated at %2 px.</source>
        <translation>%1 px로 1 에포크 학습하고, %2 px에서 검증합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="367"/>
        <source>Trains at %1 px for all %2 epochs, validated at %3 px.</source>
        <translation>%2 에포크 모두 %1 px로 학습하고, %3 px에서 검증합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="379"/>
        <source>epoch %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="380"/>
        <source>epochs %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="381"/>
        <source>%1 px (%2)</source>
        <translation>%1 px (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="418"/>
        <source>Start %1 runs</source>
        <translation>실행 %1개 시작</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="509"/>
        <source>%1 has no %2 to evaluate</source>
        <translation>%1에 평가할 %2이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="518"/>
        <source>%1 has no %2 to classify with</source>
        <translation>%1에 분류에 쓸 %2이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="530"/>
        <source>Not continued: %1</source>
        <translation>이어서 학습하지 않음: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="541"/>
        <location filename="../widgets/trainingpanel.cpp" line="739"/>
        <source>Continuing %1 from its checkpoint…</source>
        <translation>%1을(를) 체크포인트부터 이어서 학습하는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="543"/>
        <source>Continuing %1 from its checkpoint… (1 more run queued)</source>
        <translation>%1을(를) 체크포인트부터 이어서 학습하는 중… (실행 1개 더 대기 중)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="544"/>
        <source>Continuing %1 from its checkpoint… (%2 more runs queued)</source>
        <translation>%1을(를) 체크포인트부터 이어서 학습하는 중… (실행 %2개 더 대기 중)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="591"/>
        <location filename="../widgets/trainingpanel.cpp" line="610"/>
        <source>Not started: %1</source>
        <translation>시작하지 않음: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="567"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="580"/>
        <source>%1, seed %2</source>
        <translation>%1, 시드 %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="616"/>
        <source>Preparing data and model… (1 more run queued)</source>
        <translation>데이터와 모델을 준비하는 중… (실행 1개 더 대기 중)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="617"/>
        <source>Preparing data and model… (%1 more runs queued)</source>
        <translation>데이터와 모델을 준비하는 중… (실행 %1개 더 대기 중)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="647"/>
        <source>%1 is training; stop it before removing it</source>
        <translation>%1은(는) 학습 중입니다. 제거하기 전에 중지하세요</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="679"/>
        <source>it is training now</source>
        <translation>지금 학습 중입니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="681"/>
        <source>it is queued to train</source>
        <translation>학습 대기열에 있습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="698"/>
        <location filename="../widgets/trainingpanel.cpp" line="774"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="748"/>
        <source>%1: finished before, %2 — read back</source>
        <translation>%1: 이미 완료됨, %2 — 다시 읽음</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="787"/>
        <source>#%1 val accuracy</source>
        <translation>#%1 검증 정확도</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="792"/>
        <source>#%1 val accuracy, trained weights</source>
        <translation>#%1 검증 정확도, 학습 중인 가중치</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="795"/>
        <source>image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="203"/>
        <location filename="../widgets/trainingpanel.cpp" line="797"/>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="204"/>
        <location filename="../widgets/trainingpanel.cpp" line="799"/>
        <source>RandAugment/30</source>
        <translation>RandAugment/30</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="205"/>
        <location filename="../widgets/trainingpanel.cpp" line="801"/>
        <source>mixup α</source>
        <translation>mixup α</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="888"/>
        <source>val accuracy (EMA if kept)</source>
        <translation>검증 정확도 (EMA가 있으면 EMA)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="954"/>
        <source>Run or experiment folder (holds metrics.csv or experiment.json)</source>
        <translation>실행 또는 실험 폴더(metrics.csv나 experiment.json이 있는 곳)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="962"/>
        <location filename="../widgets/trainingpanel.cpp" line="971"/>
        <source>Run folder (holds checkpoint.pt)</source>
        <translation>실행 폴더 (checkpoint.pt가 있는 곳)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="966"/>
        <source>Evaluate run</source>
        <translation>실행 평가</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="967"/>
        <source>Could not evaluate the run: %1</source>
        <translation>실행을 평가하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="975"/>
        <source>Classify images</source>
        <translation>이미지 분류</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="976"/>
        <source>Could not classify with the run: %1</source>
        <translation>이 실행으로 분류할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1161"/>
        <source>Opened %1: %2, none validated yet.</source>
        <translation>%1 열림: %2, 아직 검증 없음.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1165"/>
        <source>Opened %1: %2, final val accuracy %3%.</source>
        <translation>%1 열림: %2, 최종 검증 정확도 %3%.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1170"/>
        <source>Opened %1: %2, val accuracy %3% after epoch %4.</source>
        <translation>%1 열림: %2, 에포크 %4 이후 검증 정확도 %3%.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1285"/>
        <source>Continue trains it on, then the run queued after it.</source>
        <translation>이어서 학습을 누르면 이 실행을 이어 학습한 뒤, 그 뒤에 대기하던 실행을 학습합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1286"/>
        <source>Continue trains it on, then the %1 runs queued after it.</source>
        <translation>이어서 학습을 누르면 이 실행을 이어 학습한 뒤, 그 뒤에 대기하던 실행 %1개를 학습합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="63"/>
        <source>%1 queued runs were not started.</source>
        <translation>대기 중이던 실행 %1개는 시작하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="631"/>
        <source>Preparing data and model…</source>
        <translation>데이터와 모델을 준비하는 중…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="57"/>
        <source>1 epoch</source>
        <translation>1 에포크</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="57"/>
        <source>%1 epochs</source>
        <translation>%1 에포크</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="62"/>
        <source>The run queued after it was not started.</source>
        <translation>그 뒤에 대기 중이던 실행은 시작하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="81"/>
        <source>What Start trains with these settings: EfficientNetV2&apos;s progressive stages, each at its image size for its epochs</source>
        <translation>이 설정으로 시작하면 학습할 내용: EfficientNetV2의 점진적 단계, 각각 그 이미지 크기로 그 에포크 동안</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="386"/>
        <source>Trains in %1 stages: %2; validated at %3 px. The steps cost %4× the multiply-adds of %5 epochs at %6 px.</source>
        <translation>%1단계로 학습합니다: %2; %3 px에서 검증합니다. 스텝의 곱셈-누산은 %6 px로 %5 에포크 학습할 때의 %4배입니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="758"/>
        <source>Not trained: %1.</source>
        <translation>학습하지 않음: %1.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="786"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="855"/>
        <source>#%1 val accuracy, EMA</source>
        <translation>#%1 검증 정확도, EMA</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="921"/>
        <source>wall time (s)</source>
        <translation>경과 시간(초)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="958"/>
        <source>Open run</source>
        <translation>실행 열기</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="958"/>
        <source>Could not open the run: %1</source>
        <translation>실행을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1014"/>
        <source>Opened the first %1 of the %2 runs in %3 (File → Browse training runs… picks among them)</source>
        <translation>%3의 실행 %2개 중 처음 %1개를 열었습니다 (파일 → 학습 실행 둘러보기…에서 고를 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1019"/>
        <source>Opened the run in %1</source>
        <translation>%1의 실행을 열었습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1020"/>
        <source>Opened the %1 runs in %2</source>
        <translation>%2의 실행 %1개를 열었습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1021"/>
        <location filename="../widgets/trainingpanel.cpp" line="1095"/>
        <source>Not listed: %1</source>
        <translation>목록에 넣지 못함: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1035"/>
        <source>%1 holds no %2</source>
        <translation>%1에 %2이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1066"/>
        <source>Open experiment</source>
        <translation>실험 열기</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1067"/>
        <source>%1 of the %2 runs of %3 are not finished. Train them now (after the run in training, if any)?</source>
        <translation>%3의 실행 %2개 중 %1개가 끝나지 않았습니다. 지금 학습할까요? (학습 중인 실행이 있으면 그 뒤에)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1074"/>
        <source>Opened the experiment %1: %2 of its %3 runs listed, %4 queued to train</source>
        <translation>실험 %1을(를) 열었습니다: 실행 %3개 중 %2개를 목록에 넣고, %4개를 학습 대기열에 넣었습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1082"/>
        <source>Opened the experiment %1: its one run, finished</source>
        <translation>실험 %1을(를) 열었습니다: 실행 하나, 완료됨</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1083"/>
        <source>Opened the experiment %1: its %2 runs, all finished</source>
        <translation>실험 %1을(를) 열었습니다: 실행 %2개 모두 끝났습니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1086"/>
        <source>Opened the experiment %1: %2 of its %3 runs listed; %4 not finished (open it again to train them)</source>
        <translation>실험 %1을(를) 열었습니다: 실행 %3개 중 %2개를 목록에 넣었고, %4개는 끝나지 않았습니다 (학습하려면 다시 여세요)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1177"/>
        <source>It stopped before epoch %1 of %2; Continue trains it on.</source>
        <translation>%2 에포크 중 %1 에포크 전에 중지되었습니다. 이어서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1203"/>
        <source>Epoch %1/%2, stage %3/%4 at %5 px — loss %6, %7 img/s, ETA %8</source>
        <translation>에포크 %1/%2, 단계 %3/%4, %5 px — 손실 %6, 초당 %7장, 남은 시간 %8</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1213"/>
        <source>, memory %1 GiB</source>
        <translation>, 메모리 %1 GiB</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1223"/>
        <source>Paused.</source>
        <translation>일시 정지됨.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1230"/>
        <source>Stopped; checkpoint saved.</source>
        <translation>중지됨; 체크포인트를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1234"/>
        <source>Finished in %1: val accuracy %2%, %3 img/s.</source>
        <translation>%1에 완료: 검증 정확도 %2%, 초당 %3장.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1241"/>
        <location filename="../widgets/trainingpanel.cpp" line="1272"/>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1266"/>
        <source>%1 — failed</source>
        <translation>%1 — 실패</translation>
    </message>
    <message>
        <location filename="../widgets/trainingpanel.cpp" line="1274"/>
        <source>Stopped; checkpoint saved in %1</source>
        <translation>중지됨; 체크포인트를 %1에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>scalescope::TrainingSettingsForm</name>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="43"/>
        <source>Synthetic shapes</source>
        <translation>합성 도형</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="44"/>
        <source>Synthetic shapes (hard)</source>
        <translation>합성 도형 (어려움)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="45"/>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="46"/>
        <source>CIFAR-10 (binary)</source>
        <translation>CIFAR-10 (바이너리)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="47"/>
        <source>Image folder</source>
        <translation>이미지 폴더</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="48"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="51"/>
        <source>default location</source>
        <translation>기본 위치</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="52"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="55"/>
        <source>Data path</source>
        <translation>데이터 경로</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="57"/>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="58"/>
        <source>Training images</source>
        <translation>학습 이미지 수</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="61"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="63"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="66"/>
        <source>Progressive (paper, Table 6)</source>
        <translation>점진적 (논문, 표 6)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="67"/>
        <source>Progressive (official code)</source>
        <translation>점진적 (공식 코드)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="68"/>
        <source>Fixed size (baseline)</source>
        <translation>고정 크기 (기준)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="69"/>
        <source>Schedule</source>
        <translation>스케줄</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="71"/>
        <source>Stages</source>
        <translation>단계 수</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="81"/>
        <source>model&apos;s</source>
        <translation>모델 기본값</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="84"/>
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="86"/>
        <source>last stage&apos;s</source>
        <translation>마지막 단계</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="87"/>
        <source>Image size of every validation. EfficientNetV2 validates above its last training size (S: 300 → 384 px).</source>
        <translation>모든 검증의 이미지 크기. EfficientNetV2는 마지막 학습 크기보다 큰 크기로 검증합니다 (S: 300 → 384 px).</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="89"/>
        <source>Validated at</source>
        <translation>검증 크기</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="92"/>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="95"/>
        <source>RandAugment</source>
        <translation>RandAugment</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="98"/>
        <source>Mixup α</source>
        <translation>Mixup α</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="100"/>
        <source>SGD, Nesterov momentum</source>
        <translation>SGD, 네스테로프 모멘텀</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="101"/>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="102"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="104"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="107"/>
        <source>Automatic (CUDA if present)</source>
        <translation>자동 (CUDA가 있으면 사용)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="108"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="109"/>
        <source>CUDA GPU 0</source>
        <translation>CUDA GPU 0</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="110"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="114"/>
        <source>More settings</source>
        <translation>추가 설정</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="125"/>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="127"/>
        <source>Label smoothing</source>
        <translation>레이블 스무딩</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="130"/>
        <source>Warm-up epochs</source>
        <translation>워밍업 에폭</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="133"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="134"/>
        <source>EMA decay</source>
        <translation>EMA 감쇠율</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="137"/>
        <source>timm&apos;s</source>
        <translation>timm 방식</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="138"/>
        <source>Residual branches and classifier at zero</source>
        <translation>잔차 분기와 분류기를 0으로</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="140"/>
        <source>At zero, each residual block starts as identity and the logits at zero, so the first steps of a deep network on little data cannot blow up.</source>
        <translation>0으로 두면 각 잔차 블록은 항등 함수로, 로짓은 0에서 시작하므로 적은 데이터로 학습하는 깊은 네트워크도 첫 스텝에서 발산하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="142"/>
        <source>Initial weights</source>
        <translation>초기 가중치</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="145"/>
        <source> epochs</source>
        <translation> 에포크</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="146"/>
        <source>every epoch</source>
        <translation>매 에포크</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="148"/>
        <source>Epochs between validations; the last epoch is always validated. Validating is a fixed cost per epoch, a large share of short runs.</source>
        <translation>검증 사이의 에포크 수입니다. 마지막 에포크는 항상 검증합니다. 검증은 에포크마다 드는 고정 비용으로, 짧은 실행에서는 큰 몫을 차지합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="150"/>
        <source>Validate every</source>
        <translation>검증 간격</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="153"/>
        <source>Automatic (bf16 on CUDA)</source>
        <translation>자동 (CUDA에서 bf16)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="154"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="155"/>
        <source>bf16 (CUDA only)</source>
        <translation>bf16 (CUDA 전용)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="156"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="157"/>
        <source>Replay each step from a CUDA graph</source>
        <translation>각 스텝을 CUDA 그래프로 재생</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="160"/>
        <source>CUDA only. If a capture fails, training goes on with eager steps.</source>
        <translation>CUDA 전용입니다. 캡처에 실패하면 일반(eager) 스텝으로 학습을 계속합니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="162"/>
        <source>Time cuDNN&apos;s algorithms for each image size</source>
        <translation>이미지 크기마다 cuDNN 알고리즘 시간 측정</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="165"/>
        <source>CUDA only. Faster steps after a search of several seconds at the start and at every progressive stage: it pays in long runs at one size.</source>
        <translation>CUDA 전용. 시작할 때와 점진적 단계마다 몇 초간 탐색한 뒤 스텝이 빨라집니다. 한 크기로 오래 학습할 때 이득입니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="171"/>
        <source>Draws the initial weights, the batches and their augmentation, and the synthetic images or the subset of a real set</source>
        <translation>초기 가중치, 배치와 그 증강, 합성 이미지 또는 실제 세트의 부분집합을 정합니다</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="173"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="177"/>
        <source>Start trains the configuration at the seed above and at the next ones, one after the other: one seed&apos;s accuracy on a small validation set moves by a point or more. Compare runs… averages them (Average over seeds).</source>
        <translation>시작은 위의 시드와 그다음 시드들로 구성을 차례로 학습합니다: 작은 검증 세트에서 한 시드의 정확도는 1포인트 이상 움직입니다. 실행 비교…가 이들을 평균합니다(시드 평균).</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="180"/>
        <source>Seeds per Start</source>
        <translation>시작당 시드 수</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="181"/>
        <source>Also train each seed at the final size only</source>
        <translation>각 시드를 최종 크기로만도 학습</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="184"/>
        <source>A fixed-size run beside each progressive one (the final size and regularization throughout), in one folder: what Compare runs… sets progressive learning against, as EfficientNetV2 does.</source>
        <translation>각 점진적 실행 옆에 고정 크기 실행(처음부터 최종 크기와 정규화)을 한 폴더에 둡니다: EfficientNetV2처럼 실행 비교…가 점진적 학습과 견주는 대상입니다.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingsettingsform.cpp" line="203"/>
        <source>Dataset folder</source>
        <translation>데이터셋 폴더</translation>
    </message>
</context>
<context>
    <name>scalescope::saveText</name>
    <message>
        <location filename="../widgets/savetext.cpp" line="13"/>
        <source>%1 could not be written</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
</TS>
