<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ControlPanel</name>
    <message>
        <source>Choose a preset…</source>
        <translation>프리셋 선택…</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>What to show</source>
        <translation>보여줄 내용</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>손실 곡면</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>그리기</translation>
    </message>
    <message>
        <source>Range ±</source>
        <translation>범위 ±</translation>
    </message>
    <message>
        <source>e.g. x^2 + 3*y^2 + sin(2*x)</source>
        <translation>예: x^2 + 3*y^2 + sin(2*x)</translation>
    </message>
    <message>
        <source>Use x, y, numbers, + − * / ^, parentheses and sin, cos, exp, log, sqrt, abs. Press Enter to plot.</source>
        <translation>x, y, 숫자, + − * / ^, 괄호와 sin, cos, exp, log, sqrt, abs를 쓸 수 있습니다. Enter를 누르면 그립니다.</translation>
    </message>
    <message>
        <source>Learning rates</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Each its own tuned rate</source>
        <translation>각자 조정된 학습률</translation>
    </message>
    <message>
        <source>The same rate for all</source>
        <translation>모두 같은 학습률</translation>
    </message>
    <message>
        <source>Restore tuned rates</source>
        <translation>조정된 학습률로 되돌리기</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Three learning rates</source>
        <translation>세 가지 학습률</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Mini-batch size k</source>
        <translation>미니배치 크기 k</translation>
    </message>
    <message>
        <source>Gradients from</source>
        <translation>기울기 계산</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Gradient arrows</source>
        <translation>기울기 화살표</translation>
    </message>
    <message>
        <source>Velocity arrows</source>
        <translation>속도 화살표</translation>
    </message>
    <message>
        <source>Per-axis step sizes</source>
        <translation>축별 이동 크기</translation>
    </message>
    <message>
        <source>3-D surface</source>
        <translation>3차원 곡면</translation>
    </message>
    <message>
        <source>Thin arrow: −gradient, the steepest way down. Thick coloured arrow: the velocity (momentum) or Adam's average gradient m. Dashed box: how far an adaptive optimizer steps along x and along y. Bars: the taller √(accumulated g²), the smaller the step along that axis.</source>
        <translation>가는 화살표: −기울기, 가장 가파르게 내려가는 방향. 굵은 색 화살표: 속도(모멘텀) 또는 Adam의 평균 기울기 m. 점선 상자: 적응형 옵티마이저가 x축과 y축으로 얼마나 이동하는지. 막대: √(누적 g²)가 클수록 그 축으로는 작게 이동합니다.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Update rule</source>
        <translation>갱신 규칙</translation>
    </message>
    <message>
        <source>One learning rate for all: a fair test of the update rules, but a rate that suits SGD is far too small for Adagrad or Adadelta.</source>
        <translation>모두 같은 학습률: 갱신 규칙끼리 공정하게 비교하지만, SGD에 맞는 학습률은 Adagrad나 Adadelta에는 너무 작습니다.</translation>
    </message>
    <message>
        <source>Each optimizer uses a rate tuned for this surface: the race compares each method at its best, not the rules at the same rate.</source>
        <translation>각 옵티마이저가 이 곡면에 맞게 조정된 학습률을 씁니다: 같은 학습률에서의 규칙이 아니라 각 방법의 최선을 비교합니다.</translation>
    </message>
    <message>
        <source>The contour is the loss on all N samples. A ball that sees only k samples per step follows a noisy estimate of its gradient: cheaper steps, a wobbly path. Averaged over an epoch, the noise cancels.</source>
        <translation>등고선은 N개 샘플 전체의 손실입니다. 한 스텝에 k개 샘플만 보는 공은 기울기의 잡음 섞인 추정치를 따라갑니다: 스텝은 싸지만 경로가 흔들립니다. 한 에포크에 걸쳐 평균하면 잡음은 상쇄됩니다.</translation>
    </message>
    <message>
        <source>OpenGL is not available here: the 3-D view is off, the map shows everything.</source>
        <translation>여기서는 OpenGL을 쓸 수 없어 3차원 보기가 꺼져 있습니다. 모든 내용은 지도에 표시됩니다.</translation>
    </message>
    <message>
        <source> (at character %1)</source>
        <translation> (%1번째 글자)</translation>
    </message>
    <message>
        <source>Cannot plot this: %1</source>
        <translation>그릴 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>DescentModel</name>
    <message>
        <source>%1 · step %2</source>
        <extracomment>seconds of computing per animation frame at most (the rest of 1/60 s is for drawing) which optimizer's hyper-parameters the panel edits (not part of the session) what the teacher last typed (shown in the box even when it does not parse; the session keeps only ``custom_expression``, the last text that did)</extracomment>
        <translation>%1 · 스텝 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n diverged</source>
        <translation>
            <numerusform>%n개 발산</numerusform>
        </translation>
    </message>
    <message>
        <source>Convex bowl</source>
        <translation>볼록한 그릇</translation>
    </message>
    <message>
        <source>Ill-conditioned valley</source>
        <translation>조건이 나쁜 골짜기</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>로젠브록</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>빌(Beale)</translation>
    </message>
    <message>
        <source>Himmelblau</source>
        <translation>힘멜블라우</translation>
    </message>
    <message>
        <source>Saddle point</source>
        <translation>안장점</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>여섯 혹 낙타</translation>
    </message>
    <message>
        <source>Rastrigin</source>
        <translation>라스트리긴</translation>
    </message>
    <message>
        <source>Four minima (Styblinski–Tang)</source>
        <translation>네 개의 최솟값 (Styblinski–Tang)</translation>
    </message>
    <message>
        <source>Data: line fit y = w·x + b</source>
        <translation>데이터: 직선 맞추기 y = w·x + b</translation>
    </message>
    <message>
        <source>Data: sigmoid neuron, cross-entropy</source>
        <translation>데이터: 시그모이드 뉴런, 교차 엔트로피</translation>
    </message>
    <message>
        <source>Custom function f(x, y)</source>
        <translation>사용자 함수 f(x, y)</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>네스테로프</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Adadelta</source>
        <translation>Adadelta</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Optimizer race</source>
        <translation>옵티마이저 경주</translation>
    </message>
    <message>
        <source>Learning rate: small, good, large</source>
        <translation>학습률: 작게, 알맞게, 크게</translation>
    </message>
    <message>
        <source>Batch vs mini-batch vs stochastic</source>
        <translation>배치 vs 미니배치 vs 확률적</translation>
    </message>
    <message>
        <source>too small</source>
        <translation>너무 작음</translation>
    </message>
    <message>
        <source>good</source>
        <translation>알맞음</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>너무 큼</translation>
    </message>
    <message>
        <source>Full batch</source>
        <translation>전체 배치</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>미니배치</translation>
    </message>
    <message>
        <source>Stochastic</source>
        <translation>확률적</translation>
    </message>
    <message>
        <source>the full batch (all N samples)</source>
        <translation>전체 배치 (N개 샘플 모두)</translation>
    </message>
    <message>
        <source>mini-batches of k samples</source>
        <translation>k개 샘플의 미니배치</translation>
    </message>
    <message>
        <source>single samples (stochastic)</source>
        <translation>샘플 하나씩 (확률적)</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>모멘텀 μ</translation>
    </message>
    <message>
        <source>decay ρ</source>
        <translation>감쇠율 ρ</translation>
    </message>
    <message>
        <source>decay α</source>
        <translation>감쇠율 α</translation>
    </message>
    <message>
        <source>β₁ (first moment)</source>
        <translation>β₁ (1차 모멘트)</translation>
    </message>
    <message>
        <source>β₂ (second moment)</source>
        <translation>β₂ (2차 모멘트)</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Momentum overshoots on Beale</source>
        <translation>Beale 함수에서 지나치는 모멘텀</translation>
    </message>
    <message>
        <source>Adam vs SGD on Rosenbrock</source>
        <translation>로젠브록에서 Adam 대 SGD</translation>
    </message>
    <message>
        <source>Saddle point escape</source>
        <translation>안장점 탈출</translation>
    </message>
    <message>
        <source>Learning rate too large</source>
        <translation>너무 큰 학습률</translation>
    </message>
    <message>
        <source>Bowl: all seven optimizers</source>
        <translation>그릇: 옵티마이저 일곱 가지 모두</translation>
    </message>
    <message>
        <source>Valley: why adaptive steps differ per axis</source>
        <translation>골짜기: 적응형 스텝이 축마다 다른 이유</translation>
    </message>
    <message>
        <source>Rosenbrock: the long curved valley</source>
        <translation>로젠브록: 길게 휜 골짜기</translation>
    </message>
    <message>
        <source>Beale: flat plateaus, steep walls</source>
        <translation>Beale: 평평한 고원과 가파른 벽</translation>
    </message>
    <message>
        <source>Himmelblau: the start decides the minimum</source>
        <translation>힘멜블라우: 시작점이 최솟값을 정한다</translation>
    </message>
    <message>
        <source>Six-hump camel: two global minima</source>
        <translation>여섯 혹 낙타: 두 개의 전역 최솟값</translation>
    </message>
    <message>
        <source>Rastrigin: trapped in a local minimum</source>
        <translation>라스트리긴: 지역 최솟값에 갇힘</translation>
    </message>
    <message>
        <source>Four minima: momentum rolls further</source>
        <translation>네 개의 최솟값: 모멘텀은 더 멀리 굴러간다</translation>
    </message>
    <message>
        <source>Line fit: batch vs mini-batch vs stochastic</source>
        <translation>직선 맞추기: 배치 vs 미니배치 vs 확률적</translation>
    </message>
    <message>
        <source>Sigmoid neuron: noisy stochastic steps</source>
        <translation>시그모이드 뉴런: 잡음 섞인 확률적 스텝</translation>
    </message>
    <message>
        <source>Adam vs SGD with stochastic gradients</source>
        <translation>확률적 기울기에서 Adam 대 SGD</translation>
    </message>
    <message>
        <source>Custom: an elongated bowl</source>
        <translation>사용자 함수: 길쭉한 그릇</translation>
    </message>
</context>
<context>
    <name>DescentView</name>
    <message>
        <source>left the map at step %1</source>
        <translation>스텝 %1에서 지도를 벗어남</translation>
    </message>
    <message>
        <source>diverged at step %1</source>
        <translation>스텝 %1에서 발산</translation>
    </message>
    <message>
        <source>left the map</source>
        <translation>지도를 벗어남</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>편향 b</translation>
    </message>
    <message>
        <source>class t</source>
        <translation>클래스 t</translation>
    </message>
    <message>
        <source>No adaptive optimizer in this run</source>
        <translation>적응형 옵티마이저가 없습니다</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>스텝 %1 / %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>The race</source>
        <translation>경주</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>√(accumulated g²): solid x, pale y</source>
        <translation>√(누적 g²): 진한 막대 x, 옅은 막대 y</translation>
    </message>
    <message>
        <source>A taller bar means a smaller step along that axis.</source>
        <translation>막대가 높을수록 그 축으로는 작게 이동합니다.</translation>
    </message>
    <message>
        <source>Data and each ball's model</source>
        <translation>데이터와 각 공의 모델</translation>
    </message>
    <message>
        <source>Ringed: the samples of the next mini-batch</source>
        <translation>동그라미: 다음 미니배치의 샘플</translation>
    </message>
    <message>
        <source>Click the map to move the start ✕.</source>
        <translation>지도를 클릭해 시작점 ✕을 옮기세요.</translation>
    </message>
    <message>
        <source>★ marks the minimum.</source>
        <translation>★는 최솟값입니다.</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Steps per animation frame</source>
        <translation>애니메이션 프레임당 스텝 수</translation>
    </message>
    <message>
        <source>Drag to replay the runs backwards and forwards</source>
        <translation>끌어서 앞뒤로 다시 보기</translation>
    </message>
    <message>
        <source>Loss − min (log scale)</source>
        <translation>손실 − 최솟값 (로그 눈금)</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>loss − min</source>
        <translation>손실 − 최솟값</translation>
    </message>
    <message>
        <source>Loss (no known minimum)</source>
        <translation>손실 (알려진 최솟값 없음)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
</context>
</TS>