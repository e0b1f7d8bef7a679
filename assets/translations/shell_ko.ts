<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>문제가 발생했습니다</translation>
    </message>
    <message>
        <source>Neuralab hit an unexpected error and carried on.

{0}

The details were saved to {1}.</source>
        <translation>Neuralab에서 예기치 않은 오류가 발생했지만 계속 실행 중입니다.

{0}

자세한 내용은 {1}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>자세한 내용 복사</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Preparing the compiled core…
This tab opens in a moment.</source>
        <translation>컴파일된 코어를 준비하는 중…
곧 이 탭이 열립니다.</translation>
    </message>
    <message>
        <source>Neuralab - deep learning, live</source>
        <extracomment>saved states of tabs not built yet (applied when each tab is first opened)</extracomment>
        <translation>Neuralab - 딥러닝을 눈으로 보다</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>세션 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>세션 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>다른 이름으로 세션 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export view as PNG or SVG…</source>
        <translation>화면을 PNG 또는 SVG로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Projector mode</source>
        <translation>프로젝터 모드(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>어두운 테마(&amp;D)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>원래 크기(&amp;R)</translation>
    </message>
    <message>
        <source>Step ▶|</source>
        <translation>한 단계 ▶|</translation>
    </message>
    <message>
        <source>|◀ Step back</source>
        <translation>|◀ 한 단계 뒤로</translation>
    </message>
    <message>
        <source>↺ Reset</source>
        <translation>↺ 초기화</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Neuralab</source>
        <translation>Neuralab 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>전체 화면 끝내기</translation>
    </message>
    <message>
        <source>Go to tab %1</source>
        <translation>%1번 탭으로 이동</translation>
    </message>
    <message>
        <source>Warming up the compiled core…</source>
        <translation>컴파일된 코어를 준비하는 중…</translation>
    </message>
    <message>
        <source>No translation files were found; staying in English.</source>
        <translation>번역 파일을 찾지 못해 영어로 표시합니다.</translation>
    </message>
    <message>
        <source>Compiled core ready in %1 s</source>
        <translation>컴파일된 코어 준비 완료 (%1초)</translation>
    </message>
    <message>
        <source>The compiled core failed to start: see the error details</source>
        <translation>컴파일된 코어를 시작하지 못했습니다: 오류 내용을 확인하세요</translation>
    </message>
    <message>
        <source>The saved state of this tab was not restored: %1</source>
        <translation>이 탭의 저장된 상태를 복원하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ 일시 정지</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>the part for the tab “%1” is invalid: %2</source>
        <translation>“%1” 탭의 내용이 올바르지 않습니다: %2</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <source>Neuralab sessions (*.neuralab.json *.json)</source>
        <translation>Neuralab 세션 (*.neuralab.json *.json)</translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation>세션을 열 수 없습니다</translation>
    </message>
    <message>
        <source>%1 was not opened, and nothing was changed:
%2</source>
        <translation>%1 파일을 열지 않았으며 아무것도 바뀌지 않았습니다:
%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 파일을 열었습니다</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>Could not save the session</source>
        <translation>세션을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 파일에 저장했습니다</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>화면 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Could not export the view</source>
        <translation>화면을 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>play / pause</source>
        <translation>재생 / 일시 정지</translation>
    </message>
    <message>
        <source>one step</source>
        <translation>한 단계 앞으로</translation>
    </message>
    <message>
        <source>one step back (where the tab keeps a history)</source>
        <translation>한 단계 뒤로 (기록을 남기는 탭에서)</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>switch tabs</source>
        <translation>탭 전환</translation>
    </message>
    <message>
        <source>projector mode</source>
        <translation>프로젝터 모드</translation>
    </message>
    <message>
        <source>full screen</source>
        <translation>전체 화면</translation>
    </message>
    <message>
        <source>leave full screen</source>
        <translation>전체 화면 끝내기</translation>
    </message>
    <message>
        <source>bigger / smaller (projector scale)</source>
        <translation>크게 / 작게 (프로젝터 배율)</translation>
    </message>
    <message>
        <source>normal size</source>
        <translation>원래 크기</translation>
    </message>
    <message>
        <source>dark theme</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <source>save / open the session</source>
        <translation>세션 저장 / 열기</translation>
    </message>
    <message>
        <source>export the view as PNG or SVG</source>
        <translation>화면을 PNG 또는 SVG로 내보내기</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>About Neuralab</source>
        <translation>Neuralab 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Neuralab %1&lt;/h3&gt;&lt;p&gt;The first lectures of deep learning, live: the perceptron, activation and loss functions, gradient descent, backpropagation and a multi-layer-perceptron trainer, computed by a Numba-compiled core.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Neuralab %1&lt;/h3&gt;&lt;p&gt;딥러닝 첫 강의들을 눈앞에서: 퍼셉트론, 활성화 함수와 손실 함수, 경사 하강법, 역전파, 다층 퍼셉트론 학습기. 모든 계산은 Numba로 컴파일된 코어가 합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The last session could not be restored: %1</source>
        <translation>지난 세션을 복원하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <source>Perceptron</source>
        <extracomment>the package that provides ``create``; ``desktop.tabs.&lt;id&gt;`` unless given.</extracomment>
        <translation>퍼셉트론</translation>
    </message>
    <message>
        <source>Activations &amp; losses</source>
        <translation>활성화 함수와 손실 함수</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>경사 하강법</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>MLP trainer</source>
        <translation>다층 퍼셉트론 학습기</translation>
    </message>
</context>
</TS>